package dev.revisit.agent.instrumentation.jwt;

import dev.revisit.agent.bootstrap.auth.AuthHook;
import net.bytebuddy.asm.Advice;

/**
 * On Nimbus parsing a serialized token ({@code SignedJWT.parse}, {@code JWSObject.parse},
 * {@code JWTParser.parse}): a token too malformed to parse never reaches a verifier, so the
 * parse is the verification's failure; a token that parses is counted by its verification.
 */
public final class ParseAdvice {
    private ParseAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter() {
        return AuthHook.get().enter(AuthHook.JWT);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object frame, @Advice.Thrown Throwable thrown) {
        AuthHook.get().exitIfRejected(frame, thrown != null);
    }
}
