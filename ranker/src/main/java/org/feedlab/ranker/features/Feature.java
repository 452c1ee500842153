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
    RECENCY(Group.RECENCY, "user.recency"),
    HISTORY_LENGTH(Group.USER_HISTORY, "hist.length"),
    HISTORY_STANCE(Group.USER_HISTORY, "hist.stance_mean"),
    HISTORY_STANCE_ABS(Group.USER_HISTORY, "hist.stance_abs_mean"),
    HISTORY_OUTRAGE(Group.USER_HISTORY, "hist.outrage_mean"),
    HISTORY_CLICK(Group.USER_HISTORY, "hist.click_share"),
    HISTORY_LIKE(Group.USER_HISTORY, "hist.like_share"),
    HISTORY_RESHARE(Group.USER_HISTORY, "hist.reshare_share"),
    HISTORY_COMMENT(Group.USER_HISTORY, "hist.comment_share"),
    HISTORY_HIDE(Group.USER_HISTORY, "hist.hide_share"),
    HISTORY_ANGRY(Group.USER_HISTORY, "hist.angry_share"),
    SESSION_POSITION(Group.SESSION, "session.position"),
    SESSION_INDEX(Group.SESSION, "session.index"),
    SESSION_ITEMS(Group.SESSION, "session.items_seen"),
    SESSION_OUTRAGE(Group.SESSION, "session.outrage_seen");

    /** The history features that hold the share of each action, in {@link Action} order. */
    static final Feature[] HISTORY_ACTIONS = {
        HISTORY_CLICK, HISTORY_LIKE, HISTORY_RESHARE, HISTORY_COMMENT, HISTORY_HIDE, HISTORY_ANGRY
    };

    /**
     * Feature groups a telemetry policy can withhold. The numeric features above belong to the
     * first seven and to the history and session groups; the one-hot fields, crosses and hashed ids
     * of {@link FeatureSpace} to the others.
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
        OUTRAGE_X_RATE(false),
        /** The hashed user id (a per-user embedding and wide weight). */
        USER_ID(true),
        /** The hashed id of the post's author. */
        AUTHOR_ID(false),
        /** The user's recent interaction sequence, pooled. */
        USER_HISTORY(true),
        /** Where in the day's feed and in the current session the slot is. */
        SESSION(true);

        /**
         * Scenario name of the hand-made crosses (every group of user × post crosses), withheld
         * together: {@code withheld_feature_groups: [crosses]}.
         */
        public static final String CROSSES = "crosses";

        /** The groups {@link #CROSSES} stands for. */
        public static final List<Group> CROSS_GROUPS =
                List.of(
                        USER_X_POST,
                        AUTHOR_AFFINITY,
                        LEANING_X_STANCE,
                        TOPIC_MATCH,
                        OUTRAGE_X_RATE);

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

        /**
         * The groups a scenario name stands for: {@link #CROSSES} for every cross group, otherwise
         * the one group {@link #parse} finds.
         */
        public static List<Group> parseAll(String name) {
            String key = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            return key.equals(CROSSES) ? CROSS_GROUPS : List.of(parse(name));
        }

        /** Lower-case names as written in scenario files, {@link #CROSSES} last. */
        public static List<String> names() {
            List<String> names = new ArrayList<>();
            for (Group g : values()) {
                names.add(g.name().toLowerCase(Locale.ROOT));
            }
            names.add(CROSSES);
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
