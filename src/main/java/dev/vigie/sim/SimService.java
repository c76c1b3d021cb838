package dev.vigie.sim;

import java.util.List;

/**
 * One simulated service: its level of each metric when idle and how much load adds to it, the
 * noise of each, and the services it calls (a slow database slows its callers).
 *
 * @param idle      per {@link SimMetric}, the value at no load
 * @param perLoad   per {@link SimMetric}, what full load adds (latency: a factor, see {@link MetricSimulator})
 * @param noise     per {@link SimMetric}, the standard deviation of the point-to-point noise
 * @param diskPerDay the disk's slow drift: it fills by up to 28 times this over four weeks, then is cleaned up
 */
record SimService(String name, double[] idle, double[] perLoad, double[] noise, double diskPerDay, List<String> calls) {
}
