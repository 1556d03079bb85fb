package dev.revisit.agent.instrumentation.auth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Own time from the start each frame keeps, on timestamps the test chooses. */
class AuthFramesTest {

    @Test
    void aFrameCountsItsDurationMinusTheFramesInsideIt() {
        AuthFrames f = new AuthFrames();
        f.push(0, 1_000);                 // filter
        f.push(1, 1_100);                 //   decoder
        f.push(AuthFrames.HAND_OFF, 1_200); //   hand-off inside the decoder (not a real shape, any nesting works)
        assertEquals(300, f.pop(1_500));  //   hand-off: 300 of its own, charged to the decoder
        assertEquals(1, f.top());
        assertEquals(250, f.pop(1_650));  //   decoder: 550 − 300
        assertEquals(0, f.top());
        assertEquals(1_450, f.pop(3_000)); // filter: 2,000 − 550
        assertEquals(0, f.depth);
        assertEquals(Integer.MIN_VALUE, f.top());
    }

    @Test
    void aDroppedFrameLeavesItsTimeToItsParent() {
        AuthFrames f = new AuthFrames();
        f.push(1, 0);
        f.push(1, 10);                    // a parse that turned out fine
        f.drop();
        assertEquals(100, f.pop(100));
    }

    @Test
    void aClockThatStepsBackNeverGivesNegativeTime() {
        AuthFrames f = new AuthFrames();
        f.push(1, 500);
        assertEquals(0, f.pop(400));
    }

    @Test
    void theStackFillsAtItsDepthAndEmptiesAgain() {
        AuthFrames f = new AuthFrames();
        for (int i = 0; i < AuthFrames.MAX_DEPTH; i++) {
            assertFalse(f.full());
            f.push(i % 2 == 0 ? 0 : AuthFrames.HAND_OFF, i);
        }
        assertTrue(f.full());
        for (int i = AuthFrames.MAX_DEPTH - 1; i >= 0; i--) {
            f.pop(100);
        }
        assertEquals(0, f.depth);
        assertFalse(f.full());
    }
}
