package org.feedlab.ranker.features;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.feedlab.events.Impression;
import org.feedlab.events.Post;
import org.feedlab.ranker.state.StateIO;

/**
 * What the platform has learnt about one user from their impression logs: how often they engage, by
 * topic, stance bucket and outrage bucket, the stance of what they engage with, and which posts
 * they have already seen.
 *
 * <p>Applying the same impressions in the same order always gives the same profile; both the
 * scorers and the trainer rely on that to see identical features.
 */
public final class UserProfile {
    private int topics;
    private int impressions;
    private int engaged;
    private int[] topicImpressions;
    private int[] topicEngaged;
    private int[] stanceImpressions;
    private int[] stanceEngaged;
    private int[] outrageImpressions;
    private int[] outrageEngaged;
    private double engagedStanceSum;

    /** Engaged posts with a side (stance other than 0): the posts the leaning is the mean of. */
    private int engagedSided;

    private int sessions;
    private long lastSessionTick = -1;
    private HashMap<Long, Long> seen;

    /** Per author: {impressions, engagements}. */
    private HashMap<Integer, int[]> authors;

    /**
     * The recent interaction sequence: the last {@link FeatureSpace#HISTORY} items the user acted
     * on (any action, a hide included), in a ring whose next write is {@code historyNext}.
     */
    private int[] historyAuthor;

    private int[] historyTopic;
    private float[] historyStance;
    private float[] historyOutrage;
    private int[] historyActions;
    private int historySize;
    private int historyNext;

    /** For serializers. */
    public UserProfile() {}

    public UserProfile(int topics) {
        this.topics = topics;
        topicImpressions = new int[topics];
        topicEngaged = new int[topics];
        stanceImpressions = new int[Buckets.STANCE];
        stanceEngaged = new int[Buckets.STANCE];
        outrageImpressions = new int[Buckets.OUTRAGE];
        outrageEngaged = new int[Buckets.OUTRAGE];
        seen = new HashMap<>();
        authors = new HashMap<>();
        historyAuthor = new int[FeatureSpace.HISTORY];
        historyTopic = new int[FeatureSpace.HISTORY];
        historyStance = new float[FeatureSpace.HISTORY];
        historyOutrage = new float[FeatureSpace.HISTORY];
        historyActions = new int[FeatureSpace.HISTORY];
    }

    /**
     * The order impression logs are applied in: by user, request, position. Applying the same logs
     * in this order always gives the same profile, whatever order they arrived in.
     */
    public static final Comparator<Impression> LOG_ORDER =
            Comparator.comparingInt(Impression::userId)
                    .thenComparingLong(Impression::requestId)
                    .thenComparingInt(Impression::position);

    /**
     * Adds one logged impression if the platform still knows its post ({@code posts} returns null
     * otherwise); the serving profiles and the trainer's profiles both learn through this.
     */
    public void apply(Impression impression, LongFunction<PostStats> posts) {
        PostStats post = posts.apply(impression.postId());
        if (post != null) {
            apply(impression, post.post());
        }
    }

    /** Adds one logged impression of a known post. Every action but a hide counts as engagement. */
    public void apply(Impression impression, Post post) {
        boolean positive = Impression.engaged(impression.actions());
        int topic = Math.floorMod(post.topic(), topics);
        int sb = Buckets.stance(post.stance());
        int ob = Buckets.outrage(post.outrageScore());
        impressions++;
        topicImpressions[topic]++;
        stanceImpressions[sb]++;
        outrageImpressions[ob]++;
        if (positive) {
            engaged++;
            topicEngaged[topic]++;
            stanceEngaged[sb]++;
            outrageEngaged[ob]++;
            if (post.stance() != 0.0) {
                engagedStanceSum += post.stance();
                engagedSided++;
            }
        }
        int[] byAuthor = authors.computeIfAbsent(post.authorId(), a -> new int[2]);
        byAuthor[0]++;
        if (positive) {
            byAuthor[1]++;
        }
        if (impression.tick() != lastSessionTick) {
            sessions++;
            lastSessionTick = impression.tick();
        }
        seen.put(post.postId(), post.tick());
        if (impression.actions() != 0) {
            int k = historyNext;
            historyAuthor[k] = post.authorId();
            historyTopic[k] = post.topic();
            historyStance[k] = (float) post.stance();
            historyOutrage[k] = (float) post.outrageScore();
            historyActions[k] = impression.actions();
            historyNext = (k + 1) % FeatureSpace.HISTORY;
            historySize = Math.min(historySize + 1, FeatureSpace.HISTORY);
        }
    }

    /**
     * How many items the recent interaction sequence holds (at most {@link FeatureSpace#HISTORY}).
     */
    public int historySize() {
        return historySize;
    }

    /**
     * The i-th item of the recent interaction sequence, oldest first (i in [0, {@link
     * #historySize()})), as its ring index for the accessors below.
     */
    private int historyAt(int i) {
        int oldest = historySize < FeatureSpace.HISTORY ? 0 : historyNext;
        return (oldest + i) % FeatureSpace.HISTORY;
    }

    /** Author of the i-th item of the sequence, oldest first. */
    public int historyAuthor(int i) {
        return historyAuthor[historyAt(i)];
    }

    /** Topic of the i-th item of the sequence, oldest first. */
    public int historyTopic(int i) {
        return historyTopic[historyAt(i)];
    }

    /** Stance of the i-th item of the sequence, oldest first. */
    public double historyStance(int i) {
        return historyStance[historyAt(i)];
    }

    /** Outrage-classifier score of the i-th item of the sequence, oldest first. */
    public double historyOutrage(int i) {
        return historyOutrage[historyAt(i)];
    }

    /** Action bit set of the i-th item of the sequence, oldest first. */
    public int historyActions(int i) {
        return historyActions[historyAt(i)];
    }

    /** Forgets seen posts published before a tick (they can no longer be candidates). */
    public void forgetSeenBefore(long tick) {
        List<Long> old = new ArrayList<>();
        for (Map.Entry<Long, Long> e : seen.entrySet()) {
            if (e.getValue() < tick) {
                old.add(e.getKey());
            }
        }
        old.forEach(seen::remove);
    }

    public boolean hasSeen(long postId) {
        return seen.containsKey(postId);
    }

    /** Engagement rate with add-one smoothing toward a prior rate. */
    private static double rate(int hits, int trials, double prior) {
        return (hits + 2.0 * prior) / (trials + 2.0);
    }

    public double engagementRate() {
        return rate(engaged, impressions, 0.3);
    }

    public double topicRate(int topic) {
        int k = Math.floorMod(topic, topics);
        return rate(topicEngaged[k], topicImpressions[k], engagementRate());
    }

    public double stanceRate(double stance) {
        int b = Buckets.stance(stance);
        return rate(stanceEngaged[b], stanceImpressions[b], engagementRate());
    }

    public double outrageRate(double outrageScore) {
        int b = Buckets.outrage(outrageScore);
        return rate(outrageEngaged[b], outrageImpressions[b], engagementRate());
    }

    /**
     * Mean stance of the engaged posts that have a side: the platform's estimate of the user's
     * leaning (0 if none). Posts without a side (stance 0: not political) say nothing about it.
     */
    public double leaning() {
        return engagedSided == 0 ? 0.0 : engagedStanceSum / engagedSided;
    }

    /** Engagement rate with the author's posts, smoothed toward the user's overall rate. */
    public double authorRate(int authorId) {
        int[] a = authors.get(authorId);
        return a == null ? engagementRate() : rate(a[1], a[0], engagementRate());
    }

    /** The topic the user engaged with most (lowest id on ties), or -1 before any engagement. */
    public int topTopic() {
        int best = -1;
        int most = 0;
        for (int k = 0; k < topics; k++) {
            if (topicEngaged[k] > most) {
                most = topicEngaged[k];
                best = k;
            }
        }
        return best;
    }

    /** Tick of the user's last logged session, or -1 if none. */
    public long lastSessionTick() {
        return lastSessionTick;
    }

    public int impressions() {
        return impressions;
    }

    public int sessions() {
        return sessions;
    }

    /**
     * Writes every field, maps in key order, so equal profiles give equal bytes (the stream job's
     * checkpoint form; {@link #readFrom} reads it back).
     */
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(topics);
        out.writeInt(impressions);
        out.writeInt(engaged);
        StateIO.writeInts(out, topicImpressions);
        StateIO.writeInts(out, topicEngaged);
        StateIO.writeInts(out, stanceImpressions);
        StateIO.writeInts(out, stanceEngaged);
        StateIO.writeInts(out, outrageImpressions);
        StateIO.writeInts(out, outrageEngaged);
        out.writeDouble(engagedStanceSum);
        out.writeInt(engagedSided);
        out.writeInt(sessions);
        out.writeLong(lastSessionTick);
        StateIO.writeMap(out, seen, DataOutput::writeLong, DataOutput::writeLong);
        StateIO.writeMap(out, authors, DataOutput::writeInt, StateIO::writeInts);
        StateIO.writeInts(out, historyAuthor);
        StateIO.writeInts(out, historyTopic);
        StateIO.writeFloats(out, historyStance);
        StateIO.writeFloats(out, historyOutrage);
        StateIO.writeInts(out, historyActions);
        out.writeInt(historySize);
        out.writeInt(historyNext);
    }

    /** Reads a profile written by {@link #writeTo}. */
    public static UserProfile readFrom(DataInput in) throws IOException {
        return readFrom(in, true);
    }

    /**
     * Reads a profile written by {@link #writeTo}, or by the form before the interaction sequence
     * ({@code withHistory} false: the sequence starts empty).
     */
    public static UserProfile readFrom(DataInput in, boolean withHistory) throws IOException {
        UserProfile p = new UserProfile();
        p.topics = in.readInt();
        p.impressions = in.readInt();
        p.engaged = in.readInt();
        p.topicImpressions = StateIO.readInts(in);
        p.topicEngaged = StateIO.readInts(in);
        p.stanceImpressions = StateIO.readInts(in);
        p.stanceEngaged = StateIO.readInts(in);
        p.outrageImpressions = StateIO.readInts(in);
        p.outrageEngaged = StateIO.readInts(in);
        p.engagedStanceSum = in.readDouble();
        p.engagedSided = in.readInt();
        p.sessions = in.readInt();
        p.lastSessionTick = in.readLong();
        p.seen = StateIO.readMap(in, new HashMap<>(), DataInput::readLong, DataInput::readLong);
        p.authors = StateIO.readMap(in, new HashMap<>(), DataInput::readInt, StateIO::readInts);
        int h = FeatureSpace.HISTORY;
        p.historyAuthor = withHistory ? StateIO.readInts(in) : new int[h];
        p.historyTopic = withHistory ? StateIO.readInts(in) : new int[h];
        p.historyStance = withHistory ? StateIO.readFloats(in) : new float[h];
        p.historyOutrage = withHistory ? StateIO.readFloats(in) : new float[h];
        p.historyActions = withHistory ? StateIO.readInts(in) : new int[h];
        p.historySize = withHistory ? in.readInt() : 0;
        p.historyNext = withHistory ? in.readInt() : 0;
        if (p.topicImpressions.length != p.topics || p.topicEngaged.length != p.topics) {
            throw new IOException("corrupted profile: topic arrays do not match " + p.topics);
        }
        if (p.historyAuthor.length != h
                || p.historyTopic.length != h
                || p.historyStance.length != h
                || p.historyOutrage.length != h
                || p.historyActions.length != h
                || p.historySize < 0
                || p.historySize > h
                || p.historyNext < 0
                || p.historyNext >= h) {
            throw new IOException("corrupted profile: interaction sequence");
        }
        return p;
    }

    /** A deep copy (through the checkpoint form, so nothing is shared). */
    public UserProfile copy() {
        return StateIO.copy(this, (out, p) -> p.writeTo(out), UserProfile::readFrom);
    }
}
