package dev.vigie.ui;

import javafx.scene.Node;

/** One section of the cockpit: its node, and how it takes a fresh snapshot (on the FX thread, properties only). */
public interface View {
    String id();

    String title();

    Node node();

    void apply(CockpitSnapshot snapshot);

    /** The metric series this view charts now, for the refresher to prepare off the FX thread; null for none. */
    default String chartedSeries() {
        return null;
    }
}
