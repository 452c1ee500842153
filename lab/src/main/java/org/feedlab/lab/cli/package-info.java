/**
 * The {@code feedlab} command line (picocli): parses and validates what the user typed, then hands
 * a {@link org.feedlab.lab.run.RunRequest} to a {@link org.feedlab.lab.run.RunLauncher}.
 */
package org.feedlab.lab.cli;
