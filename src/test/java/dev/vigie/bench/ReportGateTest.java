package dev.vigie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportGateTest {
    @Test
    void reportGatePassesARiseOnceAndAgainOnlyWhenClearlyHigherOrAfterTheHold() {
        ReportGate gate = new ReportGate(3, 1.1);
        assertThat(gate.pass(0.8)).isEqualTo(0.8);
        assertThat(gate.pass(0.8)).isZero();
        assertThat(gate.pass(0.85)).as("not 10% higher").isZero();
        assertThat(gate.pass(0.95)).isEqualTo(0.95);
        assertThat(gate.pass(0.1)).isZero();
        assertThat(gate.pass(0.1)).isZero();
        assertThat(gate.pass(0.1)).isZero();
        assertThat(gate.pass(0.5)).as("0.95 has left the 3-point hold").isEqualTo(0.5);
    }
}
