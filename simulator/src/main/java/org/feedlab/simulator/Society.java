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
 * The synthetic society and its story for one tick (one day), in the order a reader can follow:
 *
 * <ol>
 *   <li>{@link #beginTick}: a night passes: anger fades, thermometers decay toward their baselines,
 *       opinions revert toward their anchors;
 *   <li>{@link #publish}: creators and users post, and yesterday's reshares appear as posts of the
 *       users who reshared;
 *   <li>{@link #openSessions}: users who have not churned are active today with a probability set
 *       by habit and recent satisfaction, and ask for the day's feed;
 *   <li>(the platform ranks the day's feeds);
 *   <li>{@link #read}: users read in id order, each over several sessions that continue down the
 *       same feed; per item they examine it (actions, worth, dwell, survey), update affect and
 *       opinion, reshare, follow or unfollow, and decide whether to stop (a {@link StopReason});
 *       then they judge the day. Posting accounts then learn from the feedback.
 * </ol>
 *
 * <p>Every draw comes from {@link Seeds#derive} with (run seed, entity, tick, purpose).
 */
public final class Society {
    /** Reshare probability multiplier when the platform shows a reshare-friction prompt. */
    public static final double RESHARE_FRICTION_FACTOR = 0.5;

    /** Session time budget multiplier when the platform shows a "take a break" nudge. */
    public static final double NUDGE_BUDGET_FACTOR = 0.5;

    /** Share of a political creator's posts that are political; the rest are on other topics. */
    public static final double CREATOR_POLITICAL_POSTS = 0.85;

    /** Share of a non-political creator's posts on its main topic. */
    public static final double CREATOR_MAIN_TOPIC = 0.8;

    /** Highest probability that a user's post is political, whatever the interest. */
    public static final double MAX_POLITICAL_POSTS = 0.9;

    /** Standard deviation of a political post's stance around its author's ideology. */
    public static final double STANCE_SPREAD = 0.15;

    private final SocietyConfig config;
    private final long seed;
    private final User[] users;
    private final Creator[] creators;
    private final Map<Long, Content> content = new HashMap<>();
    private final Cascades cascades = new Cascades();
    private final FollowTally follows = new FollowTally();

    /** Reshares made while reading tick t, published at t + 1: parent and resharing user. */
    private final List<Content> pendingParents = new ArrayList<>();

    private final List<Integer> pendingResharers = new ArrayList<>();
    private long nextPostId = 1;
    private final Interventions interventions;
    private final Workers workers;
    private long rereads;

    private Society(
            SocietyConfig config, long seed, User[] users, Creator[] creators, Workers workers) {
        this.config = config;
        this.seed = seed;
        this.users = users;
        this.creators = creators;
        this.interventions = new Interventions(config, seed, users.length);
        this.workers = workers;
    }

    /** Draws the population and builds the follow graph; the society runs on one thread. */
    public static Society create(SocietyConfig config, long seed) {
        return create(config, seed, Workers.ONE);
    }

    /**
     * Draws the population and builds the follow graph; per-user work runs on {@code workers} (the
     * results are the same for any number of threads).
     */
    public static Society create(SocietyConfig config, long seed, Workers workers) {
        Creator[] creators = PopulationDraw.creators(config, seed);
        User[] users = PopulationDraw.users(config, seed);
        new FollowGraph(config, seed, users, creators).build();
        return new Society(config, seed, users, creators, workers);
    }

    /**
     * Step 1: a night passes for every user: anger keeps {@code anger_decay}; each thermometer's
     * baseline drifts toward it and the thermometer decays toward the baseline; issue opinions
     * revert toward their anchors.
     */
    public void beginTick(long tick) {
        workers.forEach(users.length, i -> passNight(users[i]));
    }

    /** One user's night (step 1): changes only that user. */
    private void passNight(User u) {
        u.anger *= config.affect().angerDecay();
        double out = u.thermometer;
        u.thermometer = Attitudes.decayed(out, u.thermometerBaseline, config);
        u.thermometerBaseline = Attitudes.baselineDrifted(u.thermometerBaseline, out, config);
        double in = u.thermometerIn;
        u.thermometerIn = Attitudes.decayed(in, u.thermometerInBaseline, config);
        u.thermometerInBaseline = Attitudes.baselineDrifted(u.thermometerInBaseline, in, config);
        u.ideology = Attitudes.revertedToAnchor(u.ideology, u.anchor, config);
        for (int k = 0; k < u.extraIdeology.length; k++) {
            u.extraIdeology[k] =
                    Attitudes.revertedToAnchor(u.extraIdeology[k], u.extraAnchor[k], config);
        }
    }

    /**
     * Step 1, continued: the society's field experiments that act today begin ({@link
     * Interventions}): on its start day, the cross-cutting follows are added. Deactivation acts in
     * {@link #openSessions}. Returns the number of follows added.
     */
    public int intervene(long tick) {
        return interventions.addCrossFollows(tick, seed, users, creators);
    }

    /** Whether a field experiment of the society is configured (deactivation or cross-follows). */
    public boolean experimenting() {
        return interventions.configured();
    }

    /** Whether a field experiment of the society treats this user, whatever the day. */
    public boolean treats(int userId) {
        return interventions.treats(userId);
    }

    /**
     * Step 2: creators and users who have not churned publish (Poisson numbers of posts at their
     * rates, purpose "post" per account), and yesterday's reshares appear as posts of the resharing
     * users. The day's posts then appear in a seeded random order (purpose "posting-order"), which
     * their ids follow: the society does not model the time of day at which a post appears, and
     * "newest first" within a day must not favour an author class. Numbering creators first, users
     * next and reshares last put yesterday's reshares (selected for hostility by the co-partisan
     * drive) at the top of every chronological feed. Returns the truth of the new posts, ascending
     * by id.
     */
    public List<Content> publish(long tick) {
        List<Content> drafts = new ArrayList<>();
        for (Creator c : creators) {
            SplittableRandom r = Seeds.derive(seed, c.id(), tick, "post");
            int n = Draws.poisson(r, c.postRate());
            for (int k = 0; k < n; k++) {
                int topic;
                if (c.political()) {
                    topic =
                            r.nextDouble() < CREATOR_POLITICAL_POSTS
                                    ? Content.POLITICS
                                    : otherTopic(r);
                } else {
                    topic = r.nextDouble() < CREATOR_MAIN_TOPIC ? c.topic() : otherTopic(r);
                }
                drafts.add(draft(r, Author.of(c), topic, tick));
            }
        }
        for (User u : users) {
            if (u.churned) {
                continue;
            }
            SplittableRandom r = Seeds.derive(seed, authorIdOfUser(u.id), tick, "post");
            int n = Draws.poisson(r, u.postRate);
            for (int k = 0; k < n; k++) {
                boolean political = r.nextDouble() < politicalPostProbability(u);
                int topic = political ? Content.POLITICS : interestingTopic(r, u);
                drafts.add(draft(r, Author.of(u, creators.length), topic, tick));
                u.originalPosts++;
            }
        }
        for (int k = 0; k < pendingParents.size(); k++) {
            drafts.add(
                    pendingParents
                            .get(k)
                            .reshare(-1, authorIdOfUser(pendingResharers.get(k)), tick));
        }
        pendingParents.clear();
        pendingResharers.clear();
        Draws.shuffle(Seeds.derive(seed, 0, tick, "posting-order"), drafts);
        List<Content> posts = new ArrayList<>(drafts.size());
        for (Content d : drafts) {
            Content post = d.withPostId(nextPostId++);
            content.put(post.postId(), post);
            if (post.isReshare()) {
                cascades.grew(post);
            } else {
                cascades.started(post);
            }
            posts.add(post);
        }
        return posts;
    }

    /** The fields of a post that come from its author. */
    private record Author(
            int accountId,
            int camp,
            double ideology,
            double[] extraIdeology,
            double quality,
            double[] style,
            double propensity,
            boolean untrustworthy) {
        static Author of(Creator c) {
            return new Author(
                    c.id(),
                    c.camp(),
                    c.ideology(),
                    c.extraIdeology(),
                    c.quality(),
                    c.style(),
                    c.outragePropensity(),
                    c.untrustworthy());
        }

        static Author of(User u, int creatorCount) {
            return new Author(
                    creatorCount + u.id,
                    u.camp,
                    u.ideology,
                    u.extraIdeology,
                    u.quality,
                    u.style,
                    u.propensity.value,
                    false);
        }
    }

    /**
     * One original post on a topic: the style varies around the author's (σ_s), quality around the
     * author's; a political post has the author's camp, a stance around the author's ideology and
     * hostility around the author's propensity; a non-political one has none of these.
     */
    private Content draft(SplittableRandom r, Author a, int topic, long tick) {
        double[] style = a.style().clone();
        for (int k = 0; k < style.length; k++) {
            style[k] += config.posting().styleSpread() * Seeds.gaussian(r);
        }
        double quality = clamp(a.quality() + 0.1 * Seeds.gaussian(r), 0, 1);
        long id = -1; // numbered once the day's order is drawn (publish)
        if (topic != Content.POLITICS) {
            return new Content(
                    id,
                    a.accountId(),
                    tick,
                    topic,
                    0.0,
                    0,
                    0.0,
                    quality,
                    a.untrustworthy(),
                    style,
                    -1,
                    id,
                    0,
                    new double[0]);
        }
        double stance = clamp(a.ideology() + STANCE_SPREAD * Seeds.gaussian(r), -1, 1);
        double hostility =
                clamp(
                        a.propensity() + config.posting().hostilitySpread() * Seeds.gaussian(r),
                        0,
                        1);
        double[] extra = a.extraIdeology().clone();
        for (int k = 0; k < extra.length; k++) {
            extra[k] = clamp(extra[k] + STANCE_SPREAD * Seeds.gaussian(r), -1, 1);
        }
        return new Content(
                id,
                a.accountId(),
                tick,
                Content.POLITICS,
                stance,
                a.camp(),
                hostility,
                quality,
                a.untrustworthy(),
                style,
                -1,
                id,
                0,
                extra);
    }

    /**
     * Probability that a user's post is political: min(0.9, s_pol I_i0 / Ĩ0), proportional to the
     * user's political interest I_i0, with s_pol the share for a user of median interest Ĩ0 (most
     * users rarely post about politics: Pew Research Center 2021; a minority of political junkies
     * writes most political posts: Pew Research Center 2019).
     */
    private double politicalPostProbability(User u) {
        double median = config.population().politicalInterest();
        double share =
                median > 0
                        ? config.posting().politicalPosts()
                                * u.topicInterest[Content.POLITICS]
                                / median
                        : 0.0;
        return Math.min(MAX_POLITICAL_POSTS, share);
    }

    /** A uniform non-political topic. */
    private int otherTopic(SplittableRandom r) {
        return 1 + r.nextInt(config.population().topics() - 1);
    }

    /** A non-political topic drawn in proportion to the user's interests. */
    private static int interestingTopic(SplittableRandom r, User u) {
        double total = 0;
        for (int k = 1; k < u.topicInterest.length; k++) {
            total += u.topicInterest[k];
        }
        double draw = r.nextDouble() * total;
        for (int k = 1; k < u.topicInterest.length; k++) {
            draw -= u.topicInterest[k];
            if (draw < 0) {
                return k;
            }
        }
        return u.topicInterest.length - 1;
    }

    /** Account id of a user (their posts and reshares): users are numbered after the creators. */
    public int authorIdOfUser(int userId) {
        return creators.length + userId;
    }

    /**
     * What the platform sees of a post: topic, stance (0 when not political), parent link and its
     * hostility only through a noisy classifier.
     */
    public Post observe(Content c) {
        SplittableRandom r = Seeds.derive(seed, c.postId(), c.tick(), "classifier");
        double score =
                clamp(
                        c.hostility() + config.observation().classifierNoise() * Seeds.gaussian(r),
                        0,
                        1);
        return Post.of(
                c.postId(), c.authorId(), c.tick(), c.topic(), c.stance(), score, c.parentPostId());
    }

    /**
     * Step 3: users who are active today, each with one request for the day's feed carrying the
     * follow list and the declared segment, by user id.
     */
    public List<FeedRequest> openSessions(long tick) {
        FeedRequest[] opened = new FeedRequest[users.length];
        workers.forEach(
                users.length,
                i -> {
                    User u = users[i];
                    if (opensToday(u, tick)) {
                        opened[i] =
                                FeedRequest.of(
                                        requestId(tick, u.id),
                                        u.id,
                                        tick,
                                        u.following.clone(),
                                        config.reading().dayFeedSize(),
                                        u.segment);
                    }
                });
        List<FeedRequest> requests = new ArrayList<>();
        for (FeedRequest r : opened) {
            if (r != null) {
                requests.add(r);
            }
        }
        return requests;
    }

    /**
     * Whether the user opens the app today: one "open" draw against {@link
     * Habits#returnProbability} (0 after churn, and on the days a deactivation experiment keeps the
     * user off the app). The one place that decides a user's activity.
     */
    private boolean opensToday(User u, long tick) {
        if (u.churned || interventions.offTheApp(u.id, tick)) {
            return false;
        }
        return Seeds.derive(seed, u.id, tick, "open").nextDouble()
                < Habits.returnProbability(u, config);
    }

    /** Request ids are derived from (tick, user) so reruns give equal ids. */
    public static long requestId(long tick, int userId) {
        return FeedRequest.idFor(tick, userId);
    }

    /**
     * Step 5: every user with a feed reads it, in user id order, whatever order the feeds arrived
     * in; then posting accounts learn from the feedback of the day and mature cascades are counted.
     *
     * <p>The readers' days are read in parallel ({@link Workers}), then merged in user id order, so
     * the result is the same bytes as one thread reading one user after the other:
     *
     * <ol>
     *   <li>every reader reads their own feed into their own {@link DayReading}: a day changes only
     *       the reader's own state, except a follow-back, which changes the followed user's follows
     *       and is only recorded;
     *   <li>in user id order, each day's impressions, exposures, sessions, reshares and follow
     *       counts are appended, and its follow-backs applied. A follow-back into a reader whose
     *       day is not merged yet is what one thread would have applied before that reader's day:
     *       when that reader examined a post of the new followee (the only thing the follow changes
     *       for them), their day is read again from its start with the follow in place.
     * </ol>
     */
    public TickReadout read(long tick, Map<Integer, Feed> feedsByUser, List<Content> newPosts) {
        int[] readers =
                feedsByUser.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        DayReading[] days = new DayReading[readers.length];
        workers.forEach(
                readers.length,
                k -> days[k] = readDay(users[readers[k]], feedsByUser.get(readers[k]), tick));
        List<Impression> impressions = new ArrayList<>();
        List<Exposure> exposures = new ArrayList<>();
        List<Session> sessions = new ArrayList<>();
        List<FeedStages> stages = new ArrayList<>();
        int version = ModelVersion.NONE;
        follows.startTick();
        // Follow-backs into readers whose day is not merged yet: reader id -> accounts followed.
        Map<Integer, List<Integer>> waiting = new HashMap<>();
        for (int k = 0; k < readers.length; k++) {
            DayReading d = days[k];
            User reader = d.user;
            List<Integer> followed = waiting.remove(reader.id);
            if (followed != null) {
                if (d.examinedAnyOf(followed)) {
                    d.start.restore(reader);
                    followed.forEach(a -> FollowGraph.follow(reader, a));
                    d = readDay(reader, d.feed, tick);
                    rereads++;
                } else {
                    followed.forEach(a -> FollowGraph.follow(reader, a));
                }
            }
            version = d.feed.modelVersion();
            stages.add(d.stages);
            impressions.addAll(d.impressions);
            exposures.addAll(d.exposures);
            sessions.addAll(d.sessions);
            for (Content c : d.reshared) {
                pendingParents.add(c);
                pendingResharers.add(d.user.id);
            }
            follows.add(d.follows);
            for (int back : d.followedBack) {
                int account = authorIdOfUser(d.user.id);
                int later = Arrays.binarySearch(readers, back);
                if (later <= k) {
                    FollowGraph.follow(users[back], account);
                } else if (!days[later].start.follows(account)) {
                    // One thread would have applied it before that reader's day (a no-op when
                    // they followed the account already): it waits for that day's merge.
                    waiting.computeIfAbsent(back, b -> new ArrayList<>()).add(account);
                }
            }
        }
        if (config.posting().learning()) {
            OutrageLearning.learn(config.posting(), creators, users, content, exposures, newPosts);
        }
        cascades.mature(tick);
        return new TickReadout(
                tick,
                impressions,
                exposures,
                newPosts,
                version,
                sessions,
                follows.counts(),
                cascades.counts(),
                stages);
    }

    /**
     * The political posts of a reader's candidate pool (the feed's items and the candidates it
     * passed over) and of the served feed, and how many speak for the reader's out-party ({@link
     * Behaviour#outparty}, as for the items read).
     */
    private FeedStages stages(User u, Feed feed) {
        int servedPolitical = 0;
        int servedOutparty = 0;
        for (FeedItem item : feed.items()) {
            Content c = known(item.postId());
            servedPolitical += c.political() ? 1 : 0;
            servedOutparty += Behaviour.outparty(u, c) ? 1 : 0;
        }
        int candidatesPolitical = servedPolitical;
        int candidatesOutparty = servedOutparty;
        for (long postId : feed.unserved()) {
            Content c = known(postId);
            candidatesPolitical += c.political() ? 1 : 0;
            candidatesOutparty += Behaviour.outparty(u, c) ? 1 : 0;
        }
        return new FeedStages(
                u.id, candidatesPolitical, candidatesOutparty, servedPolitical, servedOutparty);
    }

    /** The truth of a post the platform named. */
    private Content known(long postId) {
        Content c = content.get(postId);
        if (c == null) {
            throw new IllegalStateException("feed names unknown post " + postId);
        }
        return c;
    }

    /**
     * Readers whose day was read a second time because a follow-back from a reader before them (in
     * id order) followed an author they examined that day, since the society was created.
     */
    public long rereads() {
        return rereads;
    }

    /**
     * One user's day: S sessions ({@link Scrolling#sessionsToday}, purpose "sessions"), each with
     * its own time budget, boredom and satiation, continuing down the feed where the previous one
     * stopped; anger fades between sessions. Then the user judges the day. Changes only this user's
     * state; what the day produced is in the returned reading.
     */
    private DayReading readDay(User user, Feed feed, long tick) {
        DayReading d = new DayReading(user, feed, tick);
        int planned = Scrolling.sessionsToday(d.user.sessionsPerDay, d.sessionDraws);
        List<FeedItem> items = d.feed.items();
        List<ReadingSession> done = new ArrayList<>();
        for (int k = 0; k < planned; k++) {
            if (k > 0) {
                d.user.anger *= config.affect().angerSessionDecay();
            }
            double budget =
                    Scrolling.sessionBudget(d.user.sessionBudget, Seeds.gaussian(d.sessionDraws))
                            * (d.feed.sessionNudge() ? NUDGE_BUDGET_FACTOR : 1.0);
            ReadingSession s = new ReadingSession(k, budget, config.population().topics());
            done.add(s);
            while (d.position < items.size()) {
                FeedItem item = items.get(d.position);
                Content c = known(item.postId());
                Examined e = examine(d, s, item, c);
                d.impressions.add(impression(d, s, c, e));
                d.exposures.add(exposure(d, s, item, c, e));
                d.tally(s, c, e);
                updateAffectAndOpinion(d.user, c, e.zone());
                reshareIfChosen(d, c, e.actions());
                updateFollows(d, c, e.actions());
                d.position++;
                Optional<StopReason> reason = stopAfter(d, s, e);
                if (reason.isPresent()) {
                    s.stop = reason.get();
                    break;
                }
            }
            if (d.position >= items.size()) {
                break;
            }
        }
        boolean churned = endDay(d);
        for (int k = 0; k < done.size(); k++) {
            ReadingSession s = done.get(k);
            double satisfaction =
                    Habits.satisfaction(d.user, s.read, s.qualitySum, s.hostilitySum, s.topics);
            d.sessions.add(
                    new Session(
                            d.user.id,
                            k,
                            s.read,
                            s.spent,
                            satisfaction,
                            s.stop,
                            churned && k == done.size() - 1));
        }
        return d;
    }

    /**
     * What the user does with one item and what it was worth to them: one "read" draw per action in
     * {@link Action} order, then the dwell and survey draws from "experience".
     *
     * @param actions bit set over {@link Action} ordinals
     * @param zone the item's social-judgment zone for the reader
     * @param pull the item's pull on further scrolling
     * @param worth what the user would say it was worth
     * @param dwell seconds on screen
     * @param survey the survey answer, or {@link Impression#NO_SURVEY}
     */
    private record Examined(
            int actions, Zone zone, double pull, double worth, double dwell, int survey) {}

    private Examined examine(DayReading d, ReadingSession s, FeedItem item, Content c) {
        User u = d.user;
        double[] p = d.probabilities;
        boolean inNetwork = Arrays.binarySearch(u.following, c.authorId()) >= 0;
        double taste = Behaviour.taste(u, c, config.interest());
        double interest = Behaviour.interest(taste, c, inNetwork, config.interest());
        Zone zone = Behaviour.zone(u, c);
        double drive = Behaviour.hostilityDrive(u, c, s.hostileSeen, config);
        double copartisan = Behaviour.copartisanDrive(u, c, s.hostileSeen, config);
        Behaviour.engagementProbabilities(u, c, interest, zone, copartisan, config, p);
        if (item.reshareFriction()) {
            p[Action.RESHARE.ordinal()] *= RESHARE_FRICTION_FACTOR;
        }
        int actions = 0;
        for (Action a : Action.values()) {
            if (d.engagement.nextDouble() < p[a.ordinal()]) {
                actions = Impression.with(actions, a);
            }
        }
        double pull = Scrolling.pull(interest, drive, config);
        double worth =
                Habits.worth(u, c, s.topics[c.topic()] == 0, taste, config.statedPreferences());
        boolean clicked = (actions & Impression.with(0, Action.CLICK)) != 0;
        double dwell =
                Scrolling.dwell(pull, clicked, c.quality(), config, Seeds.gaussian(d.experience));
        int survey = Impression.NO_SURVEY;
        if (d.experience.nextDouble() < config.reading().surveyRate()) {
            survey = d.experience.nextDouble() < Habits.surveyYesProbability(worth) ? 1 : 0;
        }
        return new Examined(actions, zone, pull, worth, dwell, survey);
    }

    /** The item as the platform logs it. */
    private static Impression impression(DayReading d, ReadingSession s, Content c, Examined e) {
        return Impression.of(
                d.feed.requestId(),
                d.user.id,
                c.postId(),
                d.tick,
                d.position,
                d.feed.modelVersion(),
                e.actions(),
                e.dwell(),
                e.survey(),
                s.index);
    }

    /** The item with its hidden truth, as the metrics read it. */
    private static Exposure exposure(
            DayReading d, ReadingSession s, FeedItem item, Content c, Examined e) {
        return new Exposure(
                d.user.id,
                c,
                Behaviour.outparty(d.user, c),
                e.actions(),
                item.predictions(),
                e.worth(),
                e.dwell(),
                d.control,
                s.index);
    }

    /**
     * Anger, thermometers, then opinion: the opinion moves last, after the item was judged from
     * where the user stood when reading it.
     */
    private void updateAffectAndOpinion(User u, Content c, Zone zone) {
        u.anger += Attitudes.angerIncrement(u, c, zone, config);
        u.thermometer = Attitudes.dosed(u.thermometer, Attitudes.thermometerDose(u, c, config));
        u.thermometerIn = Attitudes.dosed(u.thermometerIn, Attitudes.ingroupDose(u, c, config));
        if (zone == Zone.ACCEPT || zone == Zone.REJECT) {
            double[] ex = c.extraStance();
            for (int k = 0; k < Math.min(u.extraIdeology.length, ex.length); k++) {
                u.extraIdeology[k] =
                        Attitudes.opinionAfter(
                                u.extraIdeology[k],
                                ex[k],
                                zone,
                                c.hostility(),
                                u.susceptibility,
                                config);
            }
            u.ideology =
                    Attitudes.opinionAfter(
                            u.ideology, c.stance(), zone, c.hostility(), u.susceptibility, config);
        }
    }

    /** A reshare is published as the user's post at the start of the next tick. */
    private static void reshareIfChosen(DayReading d, Content c, int actions) {
        if (Impression.with(actions, Action.RESHARE) == actions) {
            d.reshared.add(c);
        }
    }

    /**
     * Whether the session ends after this item, and why: one "read" draw against the anger exit
     * hazard, then the time budget, then one "read" draw against the continue probability. Empty
     * when the user scrolls on.
     */
    private Optional<StopReason> stopAfter(DayReading d, ReadingSession s, Examined e) {
        if (d.engagement.nextDouble() < Attitudes.exitProbability(d.user, config)) {
            return Optional.of(StopReason.ANGER_EXIT);
        }
        if (s.charged >= s.budget) {
            return Optional.of(StopReason.TIME_BUDGET);
        }
        double cont = Scrolling.continueProbability(e.pull(), s.boredom, config);
        if (d.engagement.nextDouble() >= cont) {
            return Optional.of(StopReason.SCROLLED_AWAY);
        }
        return Optional.empty();
    }

    /**
     * The user judges the day: the day's satisfaction joins the moving average, a user leaves after
     * {@code churn_patience_days} unsatisfied days in a row, and the habit remembers the day's
     * share of engaging items. Returns whether the user churned.
     */
    private boolean endDay(DayReading d) {
        User u = d.user;
        if (d.read == 0) {
            return false;
        }
        double day = Habits.satisfaction(u, d.read, d.qualitySum, d.hostilitySum, d.topics);
        u.satisfaction = Habits.remembered(u.satisfaction, day, config);
        SocietyConfig.Retention retention = config.retention();
        if (day < retention.churnThreshold()) {
            u.unsatisfiedStreak++;
            if (retention.churnPatienceDays() > 0
                    && u.unsatisfiedStreak >= retention.churnPatienceDays()) {
                u.churned = true;
            }
        } else {
            u.unsatisfiedStreak = 0;
        }
        u.habit = Habits.remembered(u.habit, (double) d.engagedItems / d.read, config);
        return u.churned;
    }

    /**
     * Follows evolve with engagement: engaging with an unfollowed author (like, reshare, comment or
     * angry reaction) follows them with probability {@code follow_rate}, and a user followed this
     * way follows back with probability {@link FollowGraph#followBackProbability} (purpose
     * "follow-back" per pair and tick); hiding a followed author's post unfollows them with
     * probability {@code unfollow_rate}. One "follow" draw per item by another author.
     */
    private void updateFollows(DayReading d, Content c, int actions) {
        User u = d.user;
        int author = c.authorId();
        if (author == authorIdOfUser(u.id)) {
            return;
        }
        boolean following = Arrays.binarySearch(u.following, author) >= 0;
        int camp = campOf(author);
        if (!following && camp != 0) {
            d.follows.seen(camp == u.camp);
        }
        boolean hid = (actions & Impression.with(0, Action.HIDE)) != 0;
        boolean engaged =
                (actions & ~(Impression.with(0, Action.HIDE) | Impression.with(0, Action.CLICK)))
                        != 0;
        double draw = d.social.nextDouble();
        if (!following && engaged && draw < config.follows().followRate()) {
            FollowGraph.follow(u, author);
            if (camp != 0) {
                d.follows.followed(camp == u.camp);
            }
            if (author >= creators.length) {
                followBack(d, users[author - creators.length]);
            }
        } else if (following && hid && draw < config.follows().unfollowRate()) {
            FollowGraph.unfollow(u, author);
        }
    }

    /**
     * The followed user follows back with the probability of their camps (Mosleh et al. 2021). The
     * follow changes the followed user, so it is recorded in the follower's day and applied when
     * the day is merged ({@link #read}).
     */
    private void followBack(DayReading d, User followed) {
        User follower = d.user;
        boolean same = follower.camp == followed.camp;
        long pair =
                (long) authorIdOfUser(follower.id) * (creators.length + users.length) + followed.id;
        boolean back =
                Seeds.derive(seed, pair, d.tick, "follow-back").nextDouble()
                        < FollowGraph.followBackProbability(follower, followed, config);
        if (back) {
            d.followedBack.add(followed.id);
        }
        d.follows.askedBack(same, back);
    }

    /** The camp of an account: a user's, a political creator's, 0 for a non-political creator. */
    private int campOf(int account) {
        return account < creators.length
                ? creators[account].camp()
                : users[account - creators.length].camp;
    }

    /**
     * One user's reading of one day's feed: generators, position in the feed, the day's sums, and
     * what the day produced for the merge ({@link #read}). The generators are derived from (run
     * seed, user, tick) with the purposes "sessions" (how many and their budgets), "read" (actions,
     * the anger-exit and continue draws), "experience" (dwell and survey) and "follow".
     */
    private final class DayReading {
        final User.DayStart start;
        final User user;
        final Feed feed;
        final long tick;
        final boolean control;
        final SplittableRandom sessionDraws;
        final SplittableRandom engagement;
        final SplittableRandom experience;
        final SplittableRandom social;
        final double[] probabilities = new double[Action.values().length];
        final double[] topics;
        final List<Impression> impressions = new ArrayList<>();
        final List<Exposure> exposures = new ArrayList<>();
        final List<Session> sessions = new ArrayList<>();

        /** Posts reshared, published at t + 1 as the user's. */
        final List<Content> reshared = new ArrayList<>();

        /** Users who follow this user back today (applied to them when the day is merged). */
        final List<Integer> followedBack = new ArrayList<>();

        final FollowTally follows = new FollowTally();

        /** The political posts of the reader's candidate pool and feed (read before the day). */
        final FeedStages stages;

        int position;
        int read;
        int engagedItems;
        double qualitySum;
        double hostilitySum;

        DayReading(User user, Feed feed, long tick) {
            this.start = User.DayStart.of(user);
            this.stages = stages(user, feed);
            this.user = user;
            this.feed = feed;
            this.tick = tick;
            this.control = feed.kind() == FeedKind.CONTROL_CHRONOLOGICAL;
            this.sessionDraws = Seeds.derive(seed, user.id, tick, "sessions");
            this.engagement = Seeds.derive(seed, user.id, tick, "read");
            this.experience = Seeds.derive(seed, user.id, tick, "experience");
            this.social = Seeds.derive(seed, user.id, tick, "follow");
            this.topics = new double[config.population().topics()];
        }

        /** Whether the user examined a post by any of these accounts today. */
        boolean examinedAnyOf(List<Integer> accounts) {
            for (Exposure e : exposures) {
                if (accounts.contains(e.content().authorId())) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Counts the examined item into the session and the day (items, seconds, topics, quality,
         * hostility, hostile items seen, boredom, engaged items, seconds charged to the budget).
         */
        void tally(ReadingSession s, Content c, Examined e) {
            boolean engaged = Impression.engaged(e.actions());
            s.read++;
            s.spent += e.dwell();
            s.topics[c.topic()]++;
            s.qualitySum += c.quality();
            s.hostilitySum += c.hostility();
            s.hostileSeen += c.hostile() ? 1 : 0;
            s.boredom = Scrolling.boredomAfter(s.boredom, e.pull());
            s.charged += Scrolling.budgetCharge(e.dwell(), engaged, config);
            read++;
            topics[c.topic()]++;
            qualitySum += c.quality();
            hostilitySum += c.hostility();
            engagedItems += engaged ? 1 : 0;
        }
    }

    /** One session within a day: its budget and running sums; boredom and satiation start at 0. */
    private static final class ReadingSession {
        final int index;
        final double budget;
        final double[] topics;
        StopReason stop = StopReason.END_OF_FEED;
        int read;
        int hostileSeen;
        double spent;
        double charged;
        double boredom;
        double qualitySum;
        double hostilitySum;

        ReadingSession(int index, double budget, int topics) {
            this.index = index;
            this.budget = budget;
            this.topics = new double[topics];
        }
    }

    /** Per-tick and cumulative follow counts by side. */
    private static final class FollowTally {
        long seenSame;
        long seenOther;
        long followsSame;
        long followsOther;
        long asksSame;
        long asksOther;
        long backsSame;
        long backsOther;

        void startTick() {
            seenSame = seenOther = followsSame = followsOther = 0;
        }

        /** Adds one reader's day. */
        void add(FollowTally day) {
            seenSame += day.seenSame;
            seenOther += day.seenOther;
            followsSame += day.followsSame;
            followsOther += day.followsOther;
            asksSame += day.asksSame;
            asksOther += day.asksOther;
            backsSame += day.backsSame;
            backsOther += day.backsOther;
        }

        void seen(boolean same) {
            if (same) {
                seenSame++;
            } else {
                seenOther++;
            }
        }

        void followed(boolean same) {
            if (same) {
                followsSame++;
            } else {
                followsOther++;
            }
        }

        void askedBack(boolean same, boolean back) {
            if (same) {
                asksSame++;
                backsSame += back ? 1 : 0;
            } else {
                asksOther++;
                backsOther += back ? 1 : 0;
            }
        }

        FollowCounts counts() {
            return new FollowCounts(
                    seenSame,
                    seenOther,
                    followsSame,
                    followsOther,
                    asksSame,
                    asksOther,
                    backsSame,
                    backsOther);
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

    /**
     * The truth about a post, or null when it is unknown or forgotten. For the lab's oracle ({@code
     * ranker.oracle}); the platform only ever sees {@link #observe}.
     */
    public Content content(long postId) {
        return content.get(postId);
    }

    /** Forgets post truths older than a tick (no feed can hold them any more). */
    public void forgetPostsBefore(long tick) {
        content.values().removeIf(c -> c.tick() < tick);
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
