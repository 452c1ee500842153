package org.feedlab.ranker.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dense features the models see, in vector order, each in a named group so a policy can
 * withhold a whole group (telemetry restriction).
 */
public enum Feature {
    OUTRAGE_SCORE(Group.POST, "post.outrage_score"),
    STANCE_ABS(Group.POST, "post.stance_abs"),
    LOG_IMPRESSIONS(Group.POST, "post.log_impressions"),
    CLICK_RATE(Group.POST, "post.click_rate"),
    LIKE_RATE(Group.POST, "post.like_rate"),
    RESHARE_RATE(Group.POST, "post.reshare_rate"),
    COMMENT_RATE(Group.POST, "post.comment_rate"),
    HIDE_RATE(Group.POST, "post.hide_rate"),
    AGE(Group.POST, "post.age_ticks"),
    LOG_AUTHOR_FOLLOWERS(Group.POST, "post.log_author_followers"),
    IS_RESHARE(Group.POST, "post.is_reshare"),
    IN_NETWORK(Group.GRAPH, "graph.in_network"),
    USER_ENGAGEMENT_RATE(Group.USER, "user.engagement_rate"),
    USER_LOG_SESSIONS(Group.USER, "user.log_sessions"),
    TOPIC_AFFINITY(Group.USER_X_POST, "cross.topic_affinity"),
    STANCE_AFFINITY(Group.USER_X_POST, "cross.stance_affinity"),
    OUTRAGE_AFFINITY(Group.USER_X_POST, "cross.outrage_affinity"),
    STANCE_DISTANCE(Group.USER_X_POST, "cross.stance_distance"),
    SAME_SIDE(Group.USER_X_POST, "cross.same_side"),
    OUTGROUP_OUTRAGE(Group.USER_X_POST, "cross.outgroup_outrage"),
    OUTRAGE_X_AFFINITY(Group.USER_X_POST, "cross.outrage_x_affinity"),
    AUTHOR_AFFINITY(Group.AUTHOR_AFFINITY, "user.author_affinity"),
    ENGAGEMENT_VELOCITY(Group.ENGAGEMENT_VELOCITY, "post.engagement_velocity"),
    RECENCY(Group.RECENCY, "user.recency");

    /**
     * Feature groups a telemetry policy can withhold. The numeric features above belong to the
     * first seven; the one-hot fields and crosses of {@link FeatureSpace} to the others.
     */
    public enum Group {
        POST(false),
        GRAPH(false),
        USER(true),
        USER_X_POST(false),
        AUTHOR_AFFINITY(false),
        ENGAGEMENT_VELOCITY(false),
        RECENCY(true),
        POST_TOPIC(false),
        POST_STANCE_BUCKET(false),
        POST_OUTRAGE_BUCKET(false),
        USER_LEANING_BUCKET(true),
        LEANING_X_STANCE(false),
        TOPIC_MATCH(false),
        OUTRAGE_X_RATE(false);

        private final boolean userSide;

        Group(boolean userSide) {
            this.userSide = userSide;
        }

        /**
         * Whether the group's slots describe the user alone (their profile and the tick), not the
         * candidate: they hold the same values for every candidate of one request, so a scorer can
         * compute their share once per request. {@code FeatureExtractorTest} checks it.
         */
        public boolean userSide() {
            return userSide;
        }

        /**
         * The group named {@code name} (case-insensitive, '-' or '_'), for scenario files.
         *
         * @throws IllegalArgumentException naming the valid groups when there is none
         */
        public static Group parse(String name) {
            String key = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (Group g : values()) {
                if (g.name().equals(key)) {
                    return g;
                }
            }
            throw new IllegalArgumentException(
                    "unknown feature group '" + name + "', expected one of " + names());
        }

        /** Lower-case names as written in scenario files. */
        public static List<String> names() {
            List<String> names = new ArrayList<>();
            for (Group g : values()) {
                names.add(g.name().toLowerCase(Locale.ROOT));
            }
            return names;
        }
    }

    private final Group group;
    private final String featureName;

    Feature(Group group, String featureName) {
        this.group = group;
        this.featureName = featureName;
    }

    public Group group() {
        return group;
    }

    /** Name used in the Tribuo feature map and in explanations. */
    public String featureName() {
        return featureName;
    }

    /**
     * All feature names in vector order: these numeric features first (at their ordinals), then the
     * one-hot fields and crosses of {@link FeatureSpace}.
     */
    public static List<String> names() {
        return FeatureSpace.names();
    }

    /** Vector length: numeric features plus the one-hot and cross slots. */
    public static int count() {
        return FeatureSpace.width();
    }
}
