/**
 * What a run is asked to do ({@link org.feedlab.lab.run.RunRequest}), the seam that carries it out
 * ({@link org.feedlab.lab.run.RunLauncher}), and the run directory it leaves behind ({@link
 * org.feedlab.lab.run.RunDirectory}, with its {@link org.feedlab.lab.run.Manifest}), written
 * through one atomic write ({@link org.feedlab.lab.run.AtomicFiles}) so that equal runs give equal
 * bytes and a crash never leaves a half-written file.
 */
package org.feedlab.lab.run;
