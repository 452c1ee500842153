package org.feedlab.simulator;

/**
 * Where a political item falls for a reader in social judgment theory (Sherif and Hovland 1961;
 * Sherif, Sherif and Nebergall 1965): within the latitude of acceptance, of non-commitment, or of
 * rejection. {@link Behaviour#zone} decides it; it sets which actions the reader takes and how the
 * opinion moves (assimilation, nothing, contrast).
 */
public enum Zone {
    /** A non-political item: no side, no zone. */
    NONE,
    /** Close enough to the reader's position to be assimilated. */
    ACCEPT,
    /** Neither accepted nor rejected. */
    NONCOMMITMENT,
    /** Far enough to be rejected: contrast, counter-argument, anger. */
    REJECT
}
