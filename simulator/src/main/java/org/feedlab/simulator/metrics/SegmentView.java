package org.feedlab.simulator.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.feedlab.events.Impression;
import org.feedlab.simulator.CascadeCounts;
import org.feedlab.simulator.Content;
import org.feedlab.simulator.Creator;
import org.feedlab.simulator.Exposure;
import org.feedlab.simulator.FollowCounts;
import org.feedlab.simulator.Session;
import org.feedlab.simulator.Society;
import org.feedlab.simulator.TickReadout;
import org.feedlab.simulator.User;

/**
 * What the reporters see of one segment after a tick, built once per segment: the segment's users
 * and what they read this tick, plus the population-level facts of the tick (new posts, creators,
 * model version, follow activity, cascades), which are the same in every segment.
 *
 * @param name segment name, {@link TickMetrics#POPULATION} for the whole population
 * @param index the segment's position in {@link TickMetrics#SEGMENTS} (it seeds sampling)
 * @param tick the tick
 * @param seed the run seed
 * @param users the segment's users in id order, active or churned
 * @param exposures the items they examined this tick, in reading order
 * @param sessions their sessions this tick, in user id order
 * @param impressions their impression logs this tick, in reading order
 * @param newPosts the posts published this tick (reshares included)
 * @param creators every creator
 * @param modelVersion the model version that ranked this tick's feeds (0: none)
 * @param follows the population's follow activity by side
 * @param cascades the population's matured cascades, cumulative
 * @param userCamps the camp of every user of the population, by user id
 */
public record SegmentView(
        String name,
        int index,
        long tick,
        long seed,
        List<User> users,
        List<Exposure> exposures,
        List<Session> sessions,
        List<Impression> impressions,
        List<Content> newPosts,
        List<Creator> creators,
        int modelVersion,
        FollowCounts follows,
        CascadeCounts cascades,
        int[] userCamps) {

    /** The camp of the population's user {@code userId}. */
    public int campOfUser(int userId) {
        return userCamps[userId];
    }

    /** Whether this view is the whole population rather than one segment of it. */
    public boolean isPopulation() {
        return TickMetrics.POPULATION.equals(name);
    }

    /**
     * The view of segment {@code TickMetrics.SEGMENTS[index]} after the tick of {@code readout}.
     */
    public static SegmentView of(Society society, TickReadout readout, int index) {
        String name = TickMetrics.SEGMENTS.get(index);
        User[] all = society.users();
        boolean population = TickMetrics.POPULATION.equals(name);
        List<User> users = new ArrayList<>();
        for (User u : all) {
            if (population || u.segment().equals(name)) {
                users.add(u);
            }
        }
        List<Exposure> exposures = new ArrayList<>();
        for (Exposure e : readout.exposures()) {
            if (population || inSegment(all, e.userId(), name)) {
                exposures.add(e);
            }
        }
        List<Session> sessions = new ArrayList<>();
        for (Session s : readout.sessions()) {
            if (population || inSegment(all, s.userId(), name)) {
                sessions.add(s);
            }
        }
        List<Impression> impressions = new ArrayList<>();
        for (Impression i : readout.impressions()) {
            if (population || inSegment(all, i.userId(), name)) {
                impressions.add(i);
            }
        }
        return new SegmentView(
                name,
                index,
                readout.tick(),
                society.seed(),
                users,
                exposures,
                sessions,
                impressions,
                readout.newPosts(),
                List.of(society.creators()),
                readout.modelVersion(),
                readout.follows(),
                readout.cascades(),
                Arrays.stream(all).mapToInt(User::camp).toArray());
    }

    private static boolean inSegment(User[] users, int userId, String segment) {
        return userId >= 0 && userId < users.length && users[userId].segment().equals(segment);
    }
}
