package org.feedlab.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.feedlab.events.Action;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedItem;
import org.feedlab.events.FeedKind;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.Post;
import org.feedlab.events.Seeds;

/**
 * The synthetic society and its story for one tick, in the order a reader can follow:
 *
 * <ol>
 *   <li>{@link #beginTick}: anger decays;
 *   <li>{@link #publish}: creators post, and last tick's reshares appear as posts of the users who
 *       reshared;
 *   <li>{@link #openSessions}: users who have not churned open the app with a probability set by
 *       habit and recent satisfaction, and ask for a feed;
 *   <li>(the platform ranks the feeds);
 *   <li>{@link #read}: users read in id order; per item they examine it (actions, worth, dwell,
 *       survey), update affect and opinion, reshare, follow or unfollow, and decide whether to stop
 *       (a {@link StopReason}); then they judge the session. Creators then learn from the
 *       engagement.
 * </ol>
 *
 * <p>Every draw comes from {@link Seeds#derive} with (run seed, entity, tick, purpose).
 */
public final class Society {
    /** Reshare probability multiplier when the platform shows a reshare-friction prompt. */
    public static final double RESHARE_FRICTION_FACTOR = 0.5;

    /** Session time budget multiplier when the platform shows a "take a break" nudge. */
    public static final double NUDGE_BUDGET_FACTOR = 0.5;

    private final SocietyConfig config;
    private final long seed;
    private final User[] users;
    private final Creator[] creators;
    private final Map<Long, Content> content = new HashMap<>();

    /** Reshares made while reading tick t, published at t + 1: parent and resharing user. */
    private final List<Content> pendingParents = new ArrayList<>();

    private final List<Integer> pendingResharers = new ArrayList<>();
    private long nextPostId = 1;

    private Society(SocietyConfig config, long seed, User[] users, Creator[] creators) {
        this.config = config;
        this.seed = seed;
        this.users = users;
        this.creators = creators;
    }

    /** Builds the population and the follow graph. */
    public static Society create(SocietyConfig config, long seed) {
        int extraDims = Math.max(0, config.population().ideologyDims() - 1);
        Creator[] creators = new Creator[config.population().creators()];
        for (int c = 0; c < creators.length; c++) {
            SplittableRandom r = Seeds.derive(seed, c, -1, "creator");
            int camp = r.nextBoolean() ? 1 : -1;
            double x =
                    clamp(
                            camp * 0.5 + config.population().ideologySpread() * Seeds.gaussian(r),
                            -1,
                            1);
            double outrage = clamp(config.creators().outrage() + 0.25 * Seeds.gaussian(r), 0, 1);
            double quality = 0.2 + 0.7 * r.nextDouble();
            int topic = r.nextInt(config.population().topics());
            double[] extra = extraAxes(Seeds.derive(seed, c, -1, "creator-axes"), extraDims, 0.5);
            creators[c] = new Creator(c, x, extra, topic, quality, outrage);
        }
        User[] users = new User[config.population().users()];
        for (int i = 0; i < users.length; i++) {
            SplittableRandom r = Seeds.derive(seed, i, -1, "user");
            int camp = r.nextBoolean() ? 1 : -1;
            double x =
                    clamp(
                            camp * 0.35 + config.population().ideologySpread() * Seeds.gaussian(r),
                            -1,
                            1);
            double[] interest = new double[config.population().topics()];
            for (int k = 0; k < interest.length; k++) {
                interest[k] = 0.6 * r.nextDouble();
            }
            interest[r.nextInt(config.population().topics())] = 1.0;
            double activity = config.retention().activity() * (0.5 + r.nextDouble());
            double appetite =
                    config.affect().outrageAppetite() * Math.exp(0.5 * Seeds.gaussian(r) - 0.125);
            double tolerance = config.affect().angerTolerance() * Math.exp(0.3 * Seeds.gaussian(r));
            double thermometer = clamp(50 - 25 * Math.abs(x) + 8 * Seeds.gaussian(r), 0, 100);
            // Traits added after the first version come from their own generator, so the
            // draws above keep their values.
            SplittableRandom t = Seeds.derive(seed, i, -1, "user-traits");
            boolean young = t.nextDouble() < config.youth().share();
            if (young) {
                activity *= config.youth().activityFactor();
            }
            double[] extra = extraAxes(t, extraDims, 0.35);
            User u =
                    new User(
                            i,
                            x,
                            extra,
                            interest,
                            clamp(activity, 0.02, 1.0),
                            appetite,
                            tolerance,
                            thermometer);
            u.segment = young ? User.YOUNG : User.ADULT;
            u.susceptibility = young ? config.youth().susceptibility() : 1.0;
            u.thermometerIn = clamp(70 + 20 * Math.abs(x) + 6 * Seeds.gaussian(t), 0, 100);
            u.sessionBudget =
                    config.reading().sessionBudget() * Math.exp(0.4 * Seeds.gaussian(t) - 0.08);
            double wq = config.statedPreferences().quality() * Math.exp(0.5 * Seeds.gaussian(t));
            double wc = config.statedPreferences().calm() * Math.exp(0.5 * Seeds.gaussian(t));
            double wv = config.statedPreferences().variety() * Math.exp(0.5 * Seeds.gaussian(t));
            double total = wq + wc + wv;
            if (total > 0) {
                u.statedQuality = wq / total;
                u.statedCalm = wc / total;
                u.statedVariety = wv / total;
            }
            u.satisfaction = config.retention().satisfactionReference();
            u.habit = config.retention().habitReference();
            users[i] = u;
        }
        Society society = new Society(config, seed, users, creators);
        new FollowGraph(config, seed, users, creators).build();
        return society;
    }

    private static double[] extraAxes(SplittableRandom r, int dims, double centre) {
        double[] axes = new double[dims];
        for (int k = 0; k < dims; k++) {
            // Further axes are independent of the first (cross-cutting cleavages).
            int camp = r.nextBoolean() ? 1 : -1;
            axes[k] = clamp(camp * centre + 0.3 * Seeds.gaussian(r), -1, 1);
        }
        return axes;
    }

    /** Step 1: anger decays between ticks. */
    public void beginTick(long tick) {
        for (User u : users) {
            u.anger *= config.affect().angerDecay();
        }
    }

    /**
     * Step 2: creators publish, then last tick's reshares appear as posts of the resharing users;
     * returns the truth of the new posts, ascending by id.
     */
    public List<Content> publish(long tick) {
        List<Content> posts = new ArrayList<>();
        for (Creator c : creators) {
            SplittableRandom r = Seeds.derive(seed, c.id(), tick, "post");
            if (r.nextDouble() >= config.creators().postRate()) {
                continue;
            }
            int topic = r.nextDouble() < 0.7 ? c.topic() : r.nextInt(config.population().topics());
            double stance = clamp(c.ideology() + 0.15 * Seeds.gaussian(r), -1, 1);
            double outrage = clamp(c.outragePropensity() + 0.15 * Seeds.gaussian(r), 0, 1);
            double animosity = outrage * (0.4 + 0.6 * Math.abs(stance));
            double quality = clamp(c.quality() + 0.1 * Seeds.gaussian(r), 0, 1);
            double[] extra = c.extraIdeology().clone();
            for (int k = 0; k < extra.length; k++) {
                extra[k] = clamp(extra[k] + 0.15 * Seeds.gaussian(r), -1, 1);
            }
            long id = nextPostId++;
            Content post =
                    new Content(
                            id, c.id(), tick, topic, stance, outrage, animosity, quality, -1, id, 0,
                            extra);
            content.put(post.postId(), post);
            posts.add(post);
        }
        for (int k = 0; k < pendingParents.size(); k++) {
            Content post =
                    pendingParents
                            .get(k)
                            .reshare(nextPostId++, authorIdOfUser(pendingResharers.get(k)), tick);
            content.put(post.postId(), post);
            posts.add(post);
        }
        pendingParents.clear();
        pendingResharers.clear();
        return posts;
    }

    /** Author id of a user's reshares: users are numbered after the creators. */
    public int authorIdOfUser(int userId) {
        return creators.length + userId;
    }

    /** What the platform sees of a post: its outrage only through a noisy classifier. */
    public Post observe(Content c) {
        SplittableRandom r = Seeds.derive(seed, c.postId(), c.tick(), "classifier");
        double score =
                clamp(
                        c.outrage() + config.observation().classifierNoise() * Seeds.gaussian(r),
                        0,
                        1);
        return Post.of(
                c.postId(), c.authorId(), c.tick(), c.topic(), c.stance(), score, c.parentPostId());
    }

    /**
     * Step 3: users who open the app this tick, each with a feed request carrying the follow list
     * and the declared segment, by user id.
     */
    public List<FeedRequest> openSessions(long tick) {
        List<FeedRequest> requests = new ArrayList<>();
        for (User u : users) {
            if (u.churned) {
                continue;
            }
            SplittableRandom r = Seeds.derive(seed, u.id, tick, "open");
            if (r.nextDouble() < Behaviour.returnProbability(u, config)) {
                requests.add(
                        FeedRequest.of(
                                requestId(tick, u.id),
                                u.id,
                                tick,
                                u.following.clone(),
                                config.reading().feedSize(),
                                u.segment));
            }
        }
        return requests;
    }

    /** Request ids are derived from (tick, user) so reruns give equal ids. */
    public static long requestId(long tick, int userId) {
        return FeedRequest.idFor(tick, userId);
    }

    /**
     * Step 5: every user with a feed reads it, in user id order, whatever order the feeds arrived
     * in; then creators learn from the engagement of the tick.
     */
    public TickReadout read(long tick, Map<Integer, Feed> feedsByUser, List<Content> newPosts) {
        List<Integer> readers = new ArrayList<>(feedsByUser.keySet());
        readers.sort(Integer::compare);
        List<Impression> impressions = new ArrayList<>();
        List<Exposure> exposures = new ArrayList<>();
        List<Session> sessions = new ArrayList<>(readers.size());
        int version = ModelVersion.NONE;
        for (int id : readers) {
            Feed feed = feedsByUser.get(id);
            version = feed.modelVersion();
            sessions.add(
                    readFeed(new ReadingSession(users[id], feed, tick), impressions, exposures));
        }
        if (config.creators().learning()) {
            CreatorLearning.learn(config.creators(), creators, content, exposures, newPosts);
        }
        return new TickReadout(tick, impressions, exposures, newPosts, version, sessions);
    }

    /**
     * One session, item by item from the top of the feed: examine the item, log it, tally it,
     * update affect and opinion, reshare, follow or unfollow, then decide whether to stop. Each of
     * the session's generators ("read", "experience", "follow") is drawn in item order, in the
     * order of these steps.
     */
    private Session readFeed(
            ReadingSession s, List<Impression> impressions, List<Exposure> exposures) {
        List<FeedItem> items = s.feed.items();
        StopReason stop = StopReason.END_OF_FEED;
        for (int pos = 0; pos < items.size(); pos++) {
            FeedItem item = items.get(pos);
            Content c = content.get(item.postId());
            if (c == null) {
                throw new IllegalStateException("feed names unknown post " + item.postId());
            }
            Examined e = examine(s, item, c);
            impressions.add(impression(s, c, pos, e));
            exposures.add(exposure(s, item, c, e));
            double pull = s.tally(c, e);
            updateAffectAndOpinion(s.user, c);
            reshareIfChosen(s.user, c, e.actions());
            updateFollows(s.user, c, e.actions(), s.social);
            Optional<StopReason> reason = stopAfter(s, pull, pos, Impression.engaged(e.actions()));
            if (reason.isPresent()) {
                stop = reason.get();
                break;
            }
        }
        return endSession(s, stop);
    }

    /**
     * What the user does with one item and what it was worth to them: one "read" draw per action in
     * {@link Action} order, then the dwell and survey draws from "experience".
     *
     * @param actions bit set over {@link Action} ordinals
     * @param bin the item's stance bin
     * @param worth what the user would say it was worth
     * @param dwell seconds on screen
     * @param survey the survey answer, or {@link Impression#NO_SURVEY}
     */
    private record Examined(int actions, int bin, double worth, double dwell, int survey) {}

    private Examined examine(ReadingSession s, FeedItem item, Content c) {
        User u = s.user;
        double[] p = s.probabilities;
        Behaviour.engagementProbabilities(u, c, config, p);
        if (item.reshareFriction()) {
            p[Action.RESHARE.ordinal()] *= RESHARE_FRICTION_FACTOR;
        }
        int actions = 0;
        for (Action a : Action.values()) {
            if (s.engagement.nextDouble() < p[a.ordinal()]) {
                actions = Impression.with(actions, a);
            }
        }
        int bin = Behaviour.stanceBin(c.stance());
        double worth = Behaviour.worth(u, c, s.bins[bin] == 0);
        boolean clicked = (actions & Impression.with(0, Action.CLICK)) != 0;
        double dwell = Behaviour.dwell(u, c, config, clicked, Seeds.gaussian(s.experience));
        int survey = Impression.NO_SURVEY;
        if (s.experience.nextDouble() < config.reading().surveyRate()) {
            survey = s.experience.nextDouble() < Behaviour.surveyYesProbability(worth) ? 1 : 0;
        }
        return new Examined(actions, bin, worth, dwell, survey);
    }

    /** The item as the platform logs it. */
    private static Impression impression(ReadingSession s, Content c, int pos, Examined e) {
        return Impression.of(
                s.feed.requestId(),
                s.user.id,
                c.postId(),
                s.tick,
                pos,
                s.feed.modelVersion(),
                e.actions(),
                e.dwell(),
                e.survey());
    }

    /** The item with its hidden truth, as the metrics read it; judged before the opinion moves. */
    private static Exposure exposure(ReadingSession s, FeedItem item, Content c, Examined e) {
        return new Exposure(
                s.user.id,
                c,
                Behaviour.outgroup(s.user, c),
                e.actions(),
                item.predictions(),
                e.worth(),
                e.dwell(),
                s.control);
    }

    /**
     * Anger, thermometers, then opinion: the thermometers judge the item from the side the user was
     * on when reading it, so they come before the opinion moves.
     */
    private void updateAffectAndOpinion(User u, Content c) {
        u.anger += Behaviour.angerIncrement(u, c, config);
        u.thermometer = Behaviour.thermometerAfter(u, c, config);
        u.thermometerIn = Behaviour.thermometerInAfter(u, c, config);
        Behaviour.updateOpinion(u, c, config);
    }

    /** A reshare is published as the user's post at the start of the next tick. */
    private void reshareIfChosen(User u, Content c, int actions) {
        if (Impression.with(actions, Action.RESHARE) == actions) {
            pendingParents.add(c);
            pendingResharers.add(u.id);
        }
    }

    /**
     * Whether the session ends after this item, and why: anger first, then the time budget, then
     * one "read" draw against the continue probability. Empty when the user scrolls on.
     */
    private Optional<StopReason> stopAfter(
            ReadingSession s, double pull, int pos, boolean engaged) {
        if (s.user.anger > s.user.angerTolerance) {
            return Optional.of(StopReason.ANGER_EXIT);
        }
        if (s.charged >= s.budget) {
            return Optional.of(StopReason.TIME_BUDGET);
        }
        double cont =
                Behaviour.continueProbability(
                        pull, pos, engaged, s.boredom, config.reading().boredom());
        if (s.engagement.nextDouble() >= cont) {
            return Optional.of(StopReason.SCROLLED_AWAY);
        }
        return Optional.empty();
    }

    /** The user judges the session: satisfaction, churn and habit. */
    private Session endSession(ReadingSession s, StopReason stop) {
        User u = s.user;
        double satisfaction = Behaviour.satisfaction(u, s.read, s.qualitySum, s.outrageSum, s.bins);
        rememberSatisfaction(u, satisfaction);
        u.habit = Behaviour.habitAfter(u.habit, s.engagedItems, s.read, config);
        return new Session(u.id, s.read, s.spent, satisfaction, stop, u.churned);
    }

    /**
     * Satisfaction memory and churn: an exponential moving average of session satisfaction, and a
     * user leaves after {@code churnPatience} unsatisfied sessions in a row.
     */
    private void rememberSatisfaction(User u, double s) {
        SocietyConfig.Retention retention = config.retention();
        u.satisfaction += retention.satisfactionMemory() * (s - u.satisfaction);
        if (s < retention.churnThreshold()) {
            u.unsatisfiedStreak++;
            if (retention.churnPatience() > 0 && u.unsatisfiedStreak >= retention.churnPatience()) {
                u.churned = true;
            }
        } else {
            u.unsatisfiedStreak = 0;
        }
    }

    /**
     * Follows evolve with engagement: engaging with an unfollowed author (like, reshare, comment or
     * angry reaction) follows them with probability {@code followRate}; hiding a followed author's
     * post unfollows them with probability {@code unfollowRate}.
     */
    private void updateFollows(User u, Content c, int actions, SplittableRandom r) {
        int author = c.authorId();
        if (author == authorIdOfUser(u.id)) {
            return;
        }
        int at = Arrays.binarySearch(u.following, author);
        boolean hid = (actions & Impression.with(0, Action.HIDE)) != 0;
        boolean engaged =
                (actions & ~(Impression.with(0, Action.HIDE) | Impression.with(0, Action.CLICK)))
                        != 0;
        double draw = r.nextDouble();
        if (at < 0 && engaged && draw < config.follows().followRate()) {
            int ins = -at - 1;
            int[] f = new int[u.following.length + 1];
            System.arraycopy(u.following, 0, f, 0, ins);
            f[ins] = author;
            System.arraycopy(u.following, ins, f, ins + 1, u.following.length - ins);
            u.following = f;
        } else if (at >= 0 && hid && draw < config.follows().unfollowRate()) {
            int[] f = new int[u.following.length - 1];
            System.arraycopy(u.following, 0, f, 0, at);
            System.arraycopy(u.following, at + 1, f, at, u.following.length - at - 1);
            u.following = f;
        }
    }

    /**
     * One user's session over one feed: its generators, time budget and running sums. The
     * generators are derived from (run seed, user, tick) with the purposes "read" (actions and the
     * continue draw), "experience" (dwell and survey) and "follow".
     */
    private final class ReadingSession {
        final User user;
        final Feed feed;
        final long tick;
        final boolean control;
        final SplittableRandom engagement;
        final SplittableRandom experience;
        final SplittableRandom social;
        final double budget;
        final double[] probabilities = new double[Action.values().length];
        final double[] bins = new double[Behaviour.STANCE_BINS];
        int read;
        int engagedItems;
        double spent;
        double charged;
        double boredom;
        double qualitySum;
        double outrageSum;

        ReadingSession(User user, Feed feed, long tick) {
            this.user = user;
            this.feed = feed;
            this.tick = tick;
            this.control = feed.kind() == FeedKind.CONTROL_CHRONOLOGICAL;
            this.engagement = Seeds.derive(seed, user.id, tick, "read");
            this.experience = Seeds.derive(seed, user.id, tick, "experience");
            this.social = Seeds.derive(seed, user.id, tick, "follow");
            this.budget = user.sessionBudget * (feed.sessionNudge() ? NUDGE_BUDGET_FACTOR : 1.0);
        }

        /**
         * Counts the examined item into the session (items, seconds, stance bins, quality, outrage,
         * boredom, engaged items and seconds charged to the budget); returns the item's pull on
         * further scrolling, judged before the item moves the user's opinion.
         */
        double tally(Content c, Examined e) {
            read++;
            spent += e.dwell();
            bins[e.bin()]++;
            qualitySum += c.quality();
            outrageSum += c.outrage();
            double pull = Behaviour.pull(user, c, config);
            boredom = Behaviour.boredomAfter(boredom, pull);
            boolean engaged = Impression.engaged(e.actions());
            engagedItems += engaged ? 1 : 0;
            charged += Behaviour.budgetCharge(e.dwell(), engaged, config);
            return pull;
        }
    }

    public User[] users() {
        return users;
    }

    public Creator[] creators() {
        return creators;
    }

    public SocietyConfig config() {
        return config;
    }

    /** The run seed (metrics derive their sampling from it). */
    public long seed() {
        return seed;
    }

    /** Forgets post truths older than a tick (no feed can hold them any more). */
    public void forgetPostsBefore(long tick) {
        content.values().removeIf(c -> c.tick() < tick);
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
