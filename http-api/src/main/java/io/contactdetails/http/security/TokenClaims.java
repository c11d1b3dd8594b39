package io.contactdetails.http.security;

import io.contactdetails.kernel.account.AccountId;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The token rules applied before any lookup of the account: the header names a uuid the token lists in its
 * {@code accounts} claim, and shared-secret tokens are HS256 with a key of at least 32 bytes.
 */
public final class TokenClaims {
    public static final String ACTING_ACCOUNT_HEADER = "X-PLANNR-ACCOUNT-UUID";
    public static final String ACCOUNTS_CLAIM = "accounts";
    public static final String PLATFORM_ADMIN_AUTHORITY = "SCOPE_platform:admin";
    public static final int MIN_SECRET_BYTES = 32;

    private TokenClaims() {
    }

    /**
     * The account the request acts as, if the header names one the token may act as. The claim is taken as
     * the token carries it: anything but a list of strings allows nothing.
     */
    public static Optional<AccountId> claimedAccount(String header, Object accountsClaim) {
        if (header == null || !(accountsClaim instanceof List<?> claimedAccounts)) {
            return Optional.empty();
        }
        try {
            AccountId id = new AccountId(UUID.fromString(header.trim()));
            return claimedAccounts.stream().anyMatch(claimed -> claimed instanceof String text
                    && text.equalsIgnoreCase(id.toString())) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    /** The HMAC key of a shared token secret: its UTF-8 bytes, refused when too short to be safe. */
    public static SecretKey hmacKey(String secret) {
        byte[] key = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("CONTACT_DETAILS_JWT_SECRET must be at least " + MIN_SECRET_BYTES
                    + " bytes of UTF-8 (or set CONTACT_DETAILS_JWT_JWK_SET_URI)");
        }
        return new SecretKeySpec(key, "HmacSHA256");
    }
}
