package org.feedlab.simulator;

/**
 * The political posts the platform put before one reader on one day, counted by the reader's camp
 * (hidden from the platform): the first two stages of Bakshy, Messing and Adamic (2015), the pool
 * the feed could draw on and the feed served. The third and fourth, what was read and engaged with,
 * are the reader's {@link Exposure}s.
 *
 * @param userId the reader
 * @param candidatesPolitical political posts among the candidates the platform retrieved for the
 *     request, served or not
 * @param candidatesOutparty those of them that speak for the reader's out-party
 * @param servedPolitical political posts of the served feed, read or not
 * @param servedOutparty those of them that speak for the reader's out-party
 */
public record FeedStages(
        int userId,
        int candidatesPolitical,
        int candidatesOutparty,
        int servedPolitical,
        int servedOutparty) {}
