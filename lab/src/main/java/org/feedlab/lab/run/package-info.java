/**
 * What a run is asked to do ({@link org.feedlab.lab.run.RunRequest}), the seam that carries it out
 * ({@link org.feedlab.lab.run.RunLauncher}), and the run directory it leaves behind, written so
 * that equal runs give equal bytes and a crash never leaves a half-written file.
 */
package org.feedlab.lab.run;
