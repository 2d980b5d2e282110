// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepeatFilterTest {

    @Test
    void warnsFirstOnChangeAndOnceAMinute() {
        RepeatFilter f = new RepeatFilter();
        assertThat(f.shouldWarn("source", "stat unreadable", 0)).isZero();
        assertThat(f.shouldWarn("source", "stat unreadable", 1_000)).isEqualTo(-1);
        assertThat(f.shouldWarn("source", "stat unreadable", 59_999)).isEqualTo(-1);
        // A minute later: warn again, saying how many were held back.
        assertThat(f.shouldWarn("source", "stat unreadable", 60_000)).isEqualTo(2);
        // Another message, or another source, warns at once.
        assertThat(f.shouldWarn("source", "meminfo unreadable", 60_001)).isZero();
        assertThat(f.shouldWarn("classifier", "stat unreadable", 60_001)).isZero();
        f.clear("source");
        assertThat(f.shouldWarn("source", "meminfo unreadable", 60_002)).isZero();
    }
}
