/**
 * Live run metrics for Prometheus and Grafana: the lab's population metrics as gauges and its
 * throughput as counters, served on a loopback {@code /metrics} endpoint with the run's labels.
 */
package org.feedlab.lab.metrics;
