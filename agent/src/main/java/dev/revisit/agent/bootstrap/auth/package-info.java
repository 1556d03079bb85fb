/** The hook auth advice calls: {@link dev.revisit.agent.bootstrap.auth.AuthHook}. */
package dev.revisit.agent.bootstrap.auth;
