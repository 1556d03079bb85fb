/** The agent's own tiny stderr logger; never the application's logging. */
package dev.revisit.agent.log;
