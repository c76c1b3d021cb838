package dev.vigie.pipeline;

import dev.vigie.pipeline.client.Counts;
import java.util.concurrent.atomic.AtomicLong;

/** Running counts of what the pipeline has seen, readable from any thread. */
public final class PipelineStats {
    final AtomicLong lines = new AtomicLong();
    final AtomicLong events = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong anomalies = new AtomicLong();
    final AtomicLong incidents = new AtomicLong();
    final AtomicLong samples = new AtomicLong();

    /** A consistent-enough copy for display and for the CLI's summary. */
    public Counts snapshot() {
        return new Counts(lines.get(), events.get(), errors.get(), rejected.get(), anomalies.get(), incidents.get(),
                samples.get());
    }
}
