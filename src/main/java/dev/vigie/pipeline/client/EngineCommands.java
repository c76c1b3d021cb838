package dev.vigie.pipeline.client;

import dev.vigie.config.DetectorSettings;

/**
 * What a client may ask a running engine to do: replay control, scenario injection, re-detection
 * with other settings and applying them live, and a person's feedback. Nothing here changes the facts that were stored.
 */
public interface EngineCommands {
    /** Event-time seconds per wall-clock second, from 1 up, or {@link Double#POSITIVE_INFINITY} for as fast as it goes. */
    void setReplaySpeed(double speed);

    void pause();

    void resume();

    /** While paused: moves event time on by this many simulator steps. */
    void step(int steps);

    /**
     * Injects a fault into the simulator from now on, as a scenario script line without its offset:
     * {@code cpu_saturation api 10m}.
     *
     * @throws IllegalArgumentException when the line is not a scenario, or no simulator runs
     */
    void inject(String scenario);

    /**
     * The live metric checks use these settings from now on, having read each series' buffered
     * history, so that what the simulation panel showed is what live detection does next.
     */
    void applyDetectorSettings(DetectorSettings settings);

    /** Re-runs metric detection with these settings over the last {@code points} buffered points of every series. */
    Redetection redetect(DetectorSettings settings, int points);

    /**
     * Keeps what a person said of an incident's analysis, or of one of its recommended actions.
     *
     * @param action {@code P1}, {@code P2}... or empty for the analysis as a whole
     * @param useful it helped
     * @throws IllegalArgumentException for an incident that is not stored, or an action its plan does not have
     */
    void feedback(String incidentId, String action, boolean useful, String note);
}
