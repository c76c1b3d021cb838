package dev.vigie.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.HandClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayClockTest {
    private static final Instant ORIGIN = Instant.parse("2026-03-14T08:00:00Z");

    @Test
    void runsAtItsSpeedAndChangesSpeedWithoutAJump() {
        HandClock wall = new HandClock(Instant.parse("2026-11-21T10:00:00Z"));
        ReplayClock clock = new ReplayClock(ORIGIN, 60, wall);
        wall.pass(Duration.ofSeconds(2));
        assertThat(clock.now()).isEqualTo(ORIGIN.plusSeconds(120));
        clock.setSpeed(1);
        assertThat(clock.now()).isEqualTo(ORIGIN.plusSeconds(120));
        wall.pass(Duration.ofSeconds(2));
        assertThat(clock.now()).isEqualTo(ORIGIN.plusSeconds(122));
    }

    @Test
    void pauseFreezesEventTimeAndStepMovesItWhilePaused() {
        HandClock wall = new HandClock(Instant.parse("2026-11-21T10:00:00Z"));
        ReplayClock clock = new ReplayClock(ORIGIN, 10, wall);
        wall.pass(Duration.ofSeconds(1));
        clock.pause();
        wall.pass(Duration.ofMinutes(5));
        assertThat(clock.paused()).isTrue();
        assertThat(clock.now()).isEqualTo(ORIGIN.plusSeconds(10));
        clock.step(Duration.ofSeconds(10));
        assertThat(clock.now()).isEqualTo(ORIGIN.plusSeconds(20));
        clock.resume();
        wall.pass(Duration.ofSeconds(1));
        assertThat(clock.now()).isEqualTo(ORIGIN.plusSeconds(30));
    }

    @Test
    void seeksForwardOnlyBecauseWhatWasReplayedIsIngested() {
        HandClock wall = new HandClock(Instant.parse("2026-11-21T10:00:00Z"));
        ReplayClock clock = new ReplayClock(ORIGIN, 1, wall);
        clock.seek(ORIGIN.plus(Duration.ofHours(2)));
        assertThat(clock.now()).isEqualTo(ORIGIN.plus(Duration.ofHours(2)));
        assertThatThrownBy(() -> clock.seek(ORIGIN)).hasMessageContaining("only seeks forward");
        assertThatThrownBy(() -> clock.step(Duration.ofSeconds(-1))).hasMessageContaining("steps forward");
        assertThatThrownBy(() -> clock.setSpeed(0.5)).hasMessageContaining("from 1 (real time) up");
    }

    @Test
    void atMaxSpeedEventTimeMovesOnlyWhenTheReplayAdvancesIt() {
        HandClock wall = new HandClock(Instant.parse("2026-11-21T10:00:00Z"));
        ReplayClock clock = new ReplayClock(ORIGIN, 1, wall);
        assertThat(clock.advanceAtMax(Duration.ofMinutes(1))).isFalse();
        clock.setSpeed(ReplayClock.MAX);
        wall.pass(Duration.ofHours(1));
        assertThat(clock.now()).isEqualTo(ORIGIN);
        assertThat(clock.advanceAtMax(Duration.ofMinutes(1))).isTrue();
        assertThat(clock.now()).isEqualTo(ORIGIN.plusSeconds(60));
        clock.pause();
        assertThat(clock.advanceAtMax(Duration.ofMinutes(1))).isFalse();
        assertThat(clock.now()).isEqualTo(ORIGIN.plusSeconds(60));
    }
}
