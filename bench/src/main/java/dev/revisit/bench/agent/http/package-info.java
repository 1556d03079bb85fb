/** What the agent adds to a JDK {@code HttpServer} request and to a JWT verification. */
package dev.revisit.bench.agent.http;
