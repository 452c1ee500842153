package org.feedlab.streams.types;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.feedlab.ranker.features.UserProfile;

/**
 * A scorer's keyed {@link UserProfile} in the ranker's binary form. Profiles are updated in place,
 * so a copy is a deep copy: the heap state backend copies a value read during an asynchronous
 * snapshot, and the snapshot keeps the original.
 */
public final class UserProfileSerializer extends VersionedSerializer<UserProfile> {
    private static final long serialVersionUID = 1L;

    public static final UserProfileSerializer INSTANCE = new UserProfileSerializer();

    @Override
    protected int version() {
        // 2: the profile carries the recent interaction sequence.
        return 2;
    }

    @Override
    protected void write(UserProfile profile, DataOutputView out) throws IOException {
        profile.writeTo(out);
    }

    @Override
    protected UserProfile read(int version, DataInputView in) throws IOException {
        return UserProfile.readFrom(in, version >= 2);
    }

    @Override
    public UserProfile copy(UserProfile from) {
        return from == null ? null : from.copy();
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializerSnapshot<UserProfile> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer when a checkpoint is read. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<UserProfile> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
