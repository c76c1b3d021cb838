package dev.vigie.ui;

import javafx.scene.layout.Region;

/**
 * One section of the cockpit: its root node (CSS id {@code <id>-view}, nav button {@code nav-<id>}),
 * and how it takes a fresh snapshot (on the FX thread: property updates only).
 */
public abstract class View<N extends Region> {
    private final String id;
    private final String title;
    protected final N root;

    protected View(String id, String title, N root) {
        this.id = id;
        this.title = title;
        this.root = root;
        root.setId(id + "-view");
    }

    public final String id() {
        return id;
    }

    public final String title() {
        return title;
    }

    public final N node() {
        return root;
    }

    public abstract void apply(CockpitSnapshot snapshot);

    /** The view is about to be shown. */
    public void onShow() {
    }

    /** The metric series this view charts now, for the refresher to read off the FX thread. */
    public java.util.List<String> chartedSeries() {
        return java.util.List.of();
    }
}
