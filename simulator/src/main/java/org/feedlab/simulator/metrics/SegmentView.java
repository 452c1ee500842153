package org.feedlab.simulator.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import org.feedlab.events.Impression;
import org.feedlab.simulator.CascadeCounts;
import org.feedlab.simulator.Content;
import org.feedlab.simulator.Creator;
import org.feedlab.simulator.Exposure;
import org.feedlab.simulator.FeedStages;
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
 * @param index the segment's position in the run's segments ({@link TickMetrics#segments}; it seeds
 *     sampling)
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
 * @param feeds the political posts of the candidate pool and of the served feed of each of the
 *     segment's users who got a feed this tick, in user id order
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
        int[] userCamps,
        List<FeedStages> feeds) {

    /** The camp of the population's user {@code userId}. */
    public int campOfUser(int userId) {
        return userCamps[userId];
    }

    /** Whether this view is the whole population rather than one segment of it. */
    public boolean isPopulation() {
        return TickMetrics.POPULATION.equals(name);
    }

    /** The view of segment {@code segments[index]} after the tick of {@code readout}. */
    public static SegmentView of(
            Society society, TickReadout readout, List<Segment> segments, int index) {
        Segment segment = segments.get(index);
        User[] all = society.users();
        IntPredicate in = u -> u >= 0 && u < all.length && segment.members().test(u);
        List<User> users = new ArrayList<>();
        for (User u : all) {
            if (in.test(u.id())) {
                users.add(u);
            }
        }
        List<Exposure> exposures = new ArrayList<>();
        for (Exposure e : readout.exposures()) {
            if (in.test(e.userId())) {
                exposures.add(e);
            }
        }
        List<Session> sessions = new ArrayList<>();
        for (Session s : readout.sessions()) {
            if (in.test(s.userId())) {
                sessions.add(s);
            }
        }
        List<FeedStages> feeds = new ArrayList<>();
        for (FeedStages f : readout.feeds()) {
            if (in.test(f.userId())) {
                feeds.add(f);
            }
        }
        List<Impression> impressions = new ArrayList<>();
        for (Impression i : readout.impressions()) {
            if (in.test(i.userId())) {
                impressions.add(i);
            }
        }
        return new SegmentView(
                segment.name(),
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
                Arrays.stream(all).mapToInt(User::camp).toArray(),
                feeds);
    }
}
