package dev.slipstream.gateway.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.slipstream.gateway.cost.SpendLedger.SpendKey;

/** The in-memory ledger and budget counters forget what is past their retention, so memory stays bounded. */
class SpendRetentionTest {
    private static final Instant START = Instant.parse("2026-03-30T12:00:00Z");

    @Test
    void ledgerRowsOlderThanTheRetentionAreDropped() {
        final SteppingClock clock = new SteppingClock(START);
        final InMemorySpendLedger ledger = new InMemorySpendLedger(clock, 3);
        final LocalDate first = LocalDate.ofInstant(START, ZoneOffset.UTC);
        for (int day = 0; day < 10; day++) {
            ledger.record(new SpendKey(first.plusDays(day), "t", "k", "m"), 5, 1, 1);
            ledger.record(new SpendKey(first.plusDays(day), "t", "k", "other"), 5, 1, 1);
            clock.advance(Duration.ofDays(1));
        }
        // Recorded on the tenth day: that day and the two before it remain.
        assertThat(ledger.size()).isEqualTo(6);
        assertThat(ledger.rows(first, first.plusDays(9)).join())
                .extracting(row -> row.key().day())
                .containsOnly(first.plusDays(7), first.plusDays(8), first.plusDays(9));
    }

    @Test
    void budgetCountersAreDroppedAfterTheirTtl() {
        final SteppingClock clock = new SteppingClock(START);
        final InMemorySpendCounters counters = new InMemorySpendCounters(clock);
        for (int day = 0; day < 30; day++) {
            assertThat(counters.reserve("budget:key:k:day:" + day, 10, 100, Duration.ofDays(2)).join()).isTrue();
            clock.advance(Duration.ofDays(1));
        }
        // Each day's counter lives two days past its reservation: yesterday's and today's remain.
        assertThat(counters.size()).isEqualTo(2);
        // A live counter keeps its amount: 10 committed, 90 more fit and 91 do not.
        assertThat(counters.reserve("budget:key:k:day:29", 91, 100, Duration.ofDays(2)).join()).isFalse();
        assertThat(counters.reserve("budget:key:k:day:29", 90, 100, Duration.ofDays(2)).join()).isTrue();
    }

    /** A clock the test moves forward. */
    private static final class SteppingClock extends Clock {
        private volatile Instant now;

        SteppingClock(Instant start) {
            now = start;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("fixed to UTC");
        }
    }
}
