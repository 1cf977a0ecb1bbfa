package io.appkeys.adapter.http;

import io.appkeys.core.AppKeys;
import io.appkeys.core.port.in.ActInAccountUseCase;
import io.appkeys.core.port.in.AddUserUseCase;
import io.appkeys.core.port.in.AuthenticateUseCase;
import io.appkeys.core.port.in.AuthorizeUseCase;
import io.appkeys.core.port.in.CancelRenewalUseCase;
import io.appkeys.core.port.in.ChangeAccountSettingsUseCase;
import io.appkeys.core.port.in.CheckReadinessUseCase;
import io.appkeys.core.port.in.CreateAccountUseCase;
import io.appkeys.core.port.in.CreateAppKeyUseCase;
import io.appkeys.core.port.in.CreateRoleUseCase;
import io.appkeys.core.port.in.DefineResourceUseCase;
import io.appkeys.core.port.in.DeleteAppKeyUseCase;
import io.appkeys.core.port.in.ExportAppKeysUseCase;
import io.appkeys.core.port.in.FindAccountUseCase;
import io.appkeys.core.port.in.FinishRenewalUseCase;
import io.appkeys.core.port.in.GetAccountSettingsUseCase;
import io.appkeys.core.port.in.GetAppKeyUseCase;
import io.appkeys.core.port.in.GetKeyUsageUseCase;
import io.appkeys.core.port.in.GetUserUseCase;
import io.appkeys.core.port.in.LinkRolesUseCase;
import io.appkeys.core.port.in.ListAccountsUseCase;
import io.appkeys.core.port.in.ListAppKeysUseCase;
import io.appkeys.core.port.in.ListPrincipalRolesUseCase;
import io.appkeys.core.port.in.ListResourcesUseCase;
import io.appkeys.core.port.in.ListRolesUseCase;
import io.appkeys.core.port.in.ListUsersUseCase;
import io.appkeys.core.port.in.LoginUseCase;
import io.appkeys.core.port.in.PublicKeysUseCase;
import io.appkeys.core.port.in.ReadAuditLogUseCase;
import io.appkeys.core.port.in.ReadMetricsUseCase;
import io.appkeys.core.port.in.ReadRecentAuditLogUseCase;
import io.appkeys.core.port.in.RemoveUserUseCase;
import io.appkeys.core.port.in.RenewAppTokenUseCase;
import io.appkeys.core.port.in.SetAppKeyActiveUseCase;
import io.appkeys.core.port.in.SetAppKeyExpiryUseCase;
import io.appkeys.core.port.in.SetAppKeyMetadataUseCase;
import io.appkeys.core.port.in.SetAppKeyNetworksUseCase;
import io.appkeys.core.port.in.UnlinkRoleUseCase;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Publishes each of core's use cases as a bean of its own port, so that every controller and filter asks for
 * the ports it uses and for nothing else. Part of the composition root, with {@link AppKeysFactory}.
 */
@Factory
class UseCaseBeans {

    @Singleton
    GetKeyUsageUseCase keyUsage(AppKeys appKeys) {
        return appKeys.use(GetKeyUsageUseCase.class);
    }

    @Singleton
    ReadMetricsUseCase readMetrics(AppKeys appKeys) {
        return appKeys.use(ReadMetricsUseCase.class);
    }

    @Singleton
    CheckReadinessUseCase checkReadiness(AppKeys appKeys) {
        return appKeys.use(CheckReadinessUseCase.class);
    }

    @Singleton
    ActInAccountUseCase actInAccount(AppKeys appKeys) {
        return appKeys.use(ActInAccountUseCase.class);
    }

    @Singleton
    ExportAppKeysUseCase exportAppKeys(AppKeys appKeys) {
        return appKeys.use(ExportAppKeysUseCase.class);
    }

    @Singleton
    SetAppKeyNetworksUseCase setAppKeyNetworks(AppKeys appKeys) {
        return appKeys.use(SetAppKeyNetworksUseCase.class);
    }

    @Singleton
    SetAppKeyMetadataUseCase setAppKeyMetadata(AppKeys appKeys) {
        return appKeys.use(SetAppKeyMetadataUseCase.class);
    }

    @Singleton
    GetAccountSettingsUseCase getAccountSettings(AppKeys appKeys) {
        return appKeys.use(GetAccountSettingsUseCase.class);
    }

    @Singleton
    ChangeAccountSettingsUseCase changeAccountSettings(AppKeys appKeys) {
        return appKeys.use(ChangeAccountSettingsUseCase.class);
    }

    @Singleton
    AddUserUseCase addUser(AppKeys appKeys) {
        return appKeys.use(AddUserUseCase.class);
    }

    @Singleton
    AuthenticateUseCase authenticate(AppKeys appKeys) {
        return appKeys.use(AuthenticateUseCase.class);
    }

    @Singleton
    LoginUseCase login(AppKeys appKeys) {
        return appKeys.use(LoginUseCase.class);
    }

    @Singleton
    PublicKeysUseCase publicKeys(AppKeys appKeys) {
        return appKeys.use(PublicKeysUseCase.class);
    }

    @Singleton
    AuthorizeUseCase authorize(AppKeys appKeys) {
        return appKeys.use(AuthorizeUseCase.class);
    }

    @Singleton
    CancelRenewalUseCase cancelRenewal(AppKeys appKeys) {
        return appKeys.use(CancelRenewalUseCase.class);
    }

    @Singleton
    CreateAccountUseCase createAccount(AppKeys appKeys) {
        return appKeys.use(CreateAccountUseCase.class);
    }

    @Singleton
    CreateAppKeyUseCase createAppKey(AppKeys appKeys) {
        return appKeys.use(CreateAppKeyUseCase.class);
    }

    @Singleton
    CreateRoleUseCase createRole(AppKeys appKeys) {
        return appKeys.use(CreateRoleUseCase.class);
    }

    @Singleton
    DefineResourceUseCase defineResource(AppKeys appKeys) {
        return appKeys.use(DefineResourceUseCase.class);
    }

    @Singleton
    DeleteAppKeyUseCase deleteAppKey(AppKeys appKeys) {
        return appKeys.use(DeleteAppKeyUseCase.class);
    }

    @Singleton
    FindAccountUseCase findAccount(AppKeys appKeys) {
        return appKeys.use(FindAccountUseCase.class);
    }

    @Singleton
    FinishRenewalUseCase finishRenewal(AppKeys appKeys) {
        return appKeys.use(FinishRenewalUseCase.class);
    }

    @Singleton
    GetAppKeyUseCase getAppKey(AppKeys appKeys) {
        return appKeys.use(GetAppKeyUseCase.class);
    }

    @Singleton
    GetUserUseCase getUser(AppKeys appKeys) {
        return appKeys.use(GetUserUseCase.class);
    }

    @Singleton
    LinkRolesUseCase linkRoles(AppKeys appKeys) {
        return appKeys.use(LinkRolesUseCase.class);
    }

    @Singleton
    ListAccountsUseCase listAccounts(AppKeys appKeys) {
        return appKeys.use(ListAccountsUseCase.class);
    }

    @Singleton
    ListAppKeysUseCase listAppKeys(AppKeys appKeys) {
        return appKeys.use(ListAppKeysUseCase.class);
    }

    @Singleton
    ListPrincipalRolesUseCase listPrincipalRoles(AppKeys appKeys) {
        return appKeys.use(ListPrincipalRolesUseCase.class);
    }

    @Singleton
    ListResourcesUseCase listResources(AppKeys appKeys) {
        return appKeys.use(ListResourcesUseCase.class);
    }

    @Singleton
    ListRolesUseCase listRoles(AppKeys appKeys) {
        return appKeys.use(ListRolesUseCase.class);
    }

    @Singleton
    ListUsersUseCase listUsers(AppKeys appKeys) {
        return appKeys.use(ListUsersUseCase.class);
    }

    @Singleton
    ReadAuditLogUseCase readAuditLog(AppKeys appKeys) {
        return appKeys.use(ReadAuditLogUseCase.class);
    }

    @Singleton
    ReadRecentAuditLogUseCase readRecentAuditLog(AppKeys appKeys) {
        return appKeys.use(ReadRecentAuditLogUseCase.class);
    }

    @Singleton
    RemoveUserUseCase removeUser(AppKeys appKeys) {
        return appKeys.use(RemoveUserUseCase.class);
    }

    @Singleton
    RenewAppTokenUseCase renewAppToken(AppKeys appKeys) {
        return appKeys.use(RenewAppTokenUseCase.class);
    }

    @Singleton
    SetAppKeyActiveUseCase setAppKeyActive(AppKeys appKeys) {
        return appKeys.use(SetAppKeyActiveUseCase.class);
    }

    @Singleton
    SetAppKeyExpiryUseCase setAppKeyExpiry(AppKeys appKeys) {
        return appKeys.use(SetAppKeyExpiryUseCase.class);
    }

    @Singleton
    UnlinkRoleUseCase unlinkRole(AppKeys appKeys) {
        return appKeys.use(UnlinkRoleUseCase.class);
    }
}
