package io.appkeys.core.domain;

import java.util.UUID;

/** The id of a principal that roles can be linked to: a user or an app key. */
public sealed interface PrincipalId permits UserId, AppKeyId {

    UUID value();
}
