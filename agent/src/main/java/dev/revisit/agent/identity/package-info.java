/** Weak, identity-keyed facts about application objects, for instrumentations that must remember per-object state. */
package dev.revisit.agent.identity;
