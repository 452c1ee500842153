package org.feedlab.streams.types;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.feedlab.events.DeadLetter;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedAudit;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.PlatformRecord;
import org.feedlab.ranker.TickContext;
import org.feedlab.ranker.features.UserProfile;
import org.feedlab.streams.Inbound;

/** The type information of every type the job ships or keeps, each with its explicit serializer. */
public final class StreamTypes {
    private StreamTypes() {}

    public static final TypeInformation<Inbound> INBOUND =
            new ExplicitType<>(Inbound.class, InboundSerializer.INSTANCE);
    public static final TypeInformation<PlatformRecord> RECORD =
            new ExplicitType<>(PlatformRecord.class, PlatformRecordSerializer.INSTANCE);
    public static final TypeInformation<TickContext> CONTEXT =
            new ExplicitType<>(TickContext.class, TickContextSerializer.INSTANCE);
    public static final TypeInformation<UserProfile> PROFILE =
            new ExplicitType<>(UserProfile.class, UserProfileSerializer.INSTANCE);
    public static final TypeInformation<Feed> FEED =
            new ExplicitType<>(Feed.class, FeedSerializer.INSTANCE);
    public static final TypeInformation<FeedAudit> AUDIT =
            new ExplicitType<>(FeedAudit.class, FeedAuditSerializer.INSTANCE);
    public static final TypeInformation<ModelVersion> MODEL_VERSION =
            new ExplicitType<>(ModelVersion.class, ModelVersionSerializer.INSTANCE);
    public static final TypeInformation<DeadLetter> DEAD_LETTER =
            new ExplicitType<>(DeadLetter.class, DeadLetterSerializer.INSTANCE);
}
