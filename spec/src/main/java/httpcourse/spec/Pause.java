package httpcourse.spec;

import java.time.Duration;

/** Sleeps without a checked exception; an interrupt is kept for the caller to see. */
public final class Pause {

    private Pause() {
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
