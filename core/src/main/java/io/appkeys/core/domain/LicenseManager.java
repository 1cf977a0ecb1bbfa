package io.appkeys.core.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The predefined resources and roles that every account starts with, as VTEX's License Manager has them. */
public final class LicenseManager {

    public static final String PRODUCT = "License Manager";
    public static final String KEY_MANAGEMENT = "API Key Management";
    public static final String ACCESS_CONTROL = "Services access control";

    public static final ResourceName VIEW_API_KEYS = new ResourceName("ViewApiKeys");
    public static final ResourceName EDIT_API_KEYS = new ResourceName("EditApiKeys");
    public static final ResourceName EDIT_API_KEYS_SETTINGS = new ResourceName("EditApiKeysSettings");
    public static final ResourceName RENEW_API_TOKEN = new ResourceName("RenewApiToken");
    public static final ResourceName SAVE_USER = new ResourceName("Save_User");

    public static final RoleName OWNER = new RoleName("Owner (Admin Super)");
    public static final RoleName USER_ADMINISTRATOR = new RoleName("User Administrator - RESTRICTED");

    private LicenseManager() {}

    public static List<Resource> resources() {
        return List.of(
                new Resource(VIEW_API_KEYS, PRODUCT, KEY_MANAGEMENT),
                new Resource(EDIT_API_KEYS, PRODUCT, KEY_MANAGEMENT),
                new Resource(EDIT_API_KEYS_SETTINGS, PRODUCT, KEY_MANAGEMENT),
                new Resource(RENEW_API_TOKEN, PRODUCT, KEY_MANAGEMENT),
                new Resource(SAVE_USER, PRODUCT, ACCESS_CONTROL));
    }

    /** The predefined roles by name, in the order they are created. */
    public static Map<RoleName, Set<ResourceName>> roles() {
        Map<RoleName, Set<ResourceName>> roles = new LinkedHashMap<>();
        roles.put(OWNER, Set.of(VIEW_API_KEYS, EDIT_API_KEYS, EDIT_API_KEYS_SETTINGS, RENEW_API_TOKEN));
        roles.put(USER_ADMINISTRATOR, Set.of(SAVE_USER, VIEW_API_KEYS, EDIT_API_KEYS));
        return roles;
    }
}
