package dev.vigie.store;

import dev.vigie.event.Anomaly;
import dev.vigie.event.Feedback;
import dev.vigie.event.Incident;
import dev.vigie.event.LearnedDependency;
import dev.vigie.event.LogEvent;
import dev.vigie.event.MetricSample;
import dev.vigie.ingest.Checkpoint;
import dev.vigie.report.IncidentReport;
import dev.vigie.template.Template;
import dev.vigie.template.TemplateMerge;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the pipeline produced since the last commit, written in one transaction: the events
 * and the checkpoints of the sources they came from go in together, or not at all.
 */
public final class StoreBatch {
    final List<LogEvent> events = new ArrayList<>();
    /** Per source: lines, events, rejected, invalid UTF-8, cut, time inferred (added in place: once per record). */
    final Map<String, long[]> sources = new LinkedHashMap<>();
    final Map<ContentKey, Checkpoint> checkpoints = new LinkedHashMap<>();
    final Map<String, String> sourceErrors = new LinkedHashMap<>();
    final Map<String, String> timeLayouts = new LinkedHashMap<>();
    final Map<String, Template> templates = new LinkedHashMap<>();
    final List<TemplateMerge> merges = new ArrayList<>();
    final List<MetricSample> samples = new ArrayList<>();
    final List<Anomaly> anomalies = new ArrayList<>();
    final List<Incident> incidents = new ArrayList<>();
    /** Incidents found to be part of another one: removed after the batch's incidents are written. */
    final List<String> absorbedIncidents = new ArrayList<>();
    final List<LearnedDependency> learned = new ArrayList<>();
    final List<IncidentReport> reports = new ArrayList<>();
    final List<Feedback> feedback = new ArrayList<>();
    private long chars;

    public void event(LogEvent e) {
        events.add(e);
        chars += e.raw().length() + e.message().length();
    }

    /** About how much text the batch holds: a batch of long lines is committed sooner, so memory stays bounded. */
    public long chars() {
        return chars;
    }

    private record ContentKey(String fileKey, String fingerprint) {
    }

    public void progress(String source, SourceProgress p) {
        long[] c = sources.computeIfAbsent(source, k -> new long[6]);
        c[0] += p.lines();
        c[1] += p.events();
        c[2] += p.rejected();
        c[3] += p.invalidUtf8();
        c[4] += p.truncated();
        c[5] += p.timeInferred();
    }

    /** The newest checkpoint of a content wins; it is committed with the events read up to it. */
    public void checkpoint(Checkpoint c) {
        checkpoints.put(new ContentKey(c.fileKey(), c.fingerprint()), c);
    }

    /** The checkpoints of this batch, each with the bytes its file holds before its offset now. */
    public void readTails() {
        checkpoints.replaceAll((k, c) -> c.tail() == null ? c.withTailRead() : c);
    }

    /** The sources that this batch has lines of. */
    public java.util.Set<String> progressed() {
        return java.util.Collections.unmodifiableSet(sources.keySet());
    }

    /** How the source's event times are read, as far as its lines have shown. */
    public void timeLayout(String source, String layout) {
        timeLayouts.put(source, layout);
    }

    public void sourceError(String source, String error) {
        sourceErrors.put(source, error);
    }

    public void template(Template t) {
        templates.put(t.id(), t);
    }

    public void templateMerge(TemplateMerge m) {
        merges.add(m);
    }

    public void sample(MetricSample s) {
        samples.add(s);
    }

    public void anomaly(Anomaly a) {
        anomalies.add(a);
    }

    /** A dependency learned from a resolved incident, as it stands now. */
    public void learned(LearnedDependency d) {
        learned.add(d);
    }

    /** An incident announced before that turned out to be part of another: it is removed. */
    public void absorbedIncident(String id) {
        absorbedIncidents.add(id);
    }

    public void incident(Incident i) {
        incidents.add(i);
    }

    public void feedback(Feedback f) {
        feedback.add(f);
    }

    public void report(IncidentReport r) {
        reports.add(r);
    }

    public int size() {
        return events.size() + sources.size() + checkpoints.size() + sourceErrors.size() + templates.size() + merges.size() + samples.size() + anomalies.size()
                + incidents.size() + absorbedIncidents.size() + learned.size() + reports.size() + feedback.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }
}
