// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples;

import dev.autosa.api.AutoSAEvent;
import dev.autosa.core.AutoSA;
import dev.autosa.core.AutoSAStatus;
import dev.autosa.core.Mode;
import java.time.Duration;

/** README's embedding example, verbatim, so it keeps compiling; {@link ReadmeExampleTest} checks both. */
final class ReadmeExample {

    private ReadmeExample() {
    }

    static void embed() throws InterruptedException {
        // --- README begin
        try (AutoSA autosa = AutoSA.builder()
                .mode(Mode.RECOMMEND)                       // the default: decide and report, never switch
                .aggregationWindow(Duration.ofSeconds(60))
                .listener(event -> {
                    if (event instanceof AutoSAEvent.Decided d) {
                        System.out.println(d.decision().action() + " " + d.decision().reason());
                    }
                })
                .build()) {
            autosa.start();                                 // one daemon thread, one tick per second
            serveRequests();                                // ... the application's own work ...
            AutoSAStatus status = autosa.status();
            System.out.println(status.classification() + " -> " + status.recommended());
        }                                                   // close(): kernel default restored unless kept
        // --- README end
    }

    /** Stands in for the host application's work. */
    static void serveRequests() throws InterruptedException {
        Thread.sleep(2_500);
    }
}
