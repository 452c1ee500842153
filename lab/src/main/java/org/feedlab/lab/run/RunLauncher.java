package org.feedlab.lab.run;

/**
 * Carries out a validated run request; an interface so the command line can be tested without
 * starting Kafka or Flink.
 */
@FunctionalInterface
public interface RunLauncher {

    /**
     * Runs the request to completion.
     *
     * @return the process exit status: 0 on success
     * @throws Exception when the run fails; the command line reports it and exits non-zero
     */
    int launch(RunRequest request) throws Exception;
}
