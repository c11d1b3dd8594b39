package io.contactdetails.standalone;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.contactdetails.fixtures.Api;
import io.contactdetails.fixtures.Tenants;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** A token says who logged in and until when, and lives at most a day (the default maximum lifetime). */
class TokenRulesTest {
    private final RunningService service = RunningService.shared();

    private static String sign(UnaryOperator<JWTClaimsSet.Builder> claims, String account) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                claims.apply(new JWTClaimsSet.Builder().claim("accounts", List.of(account))).build());
        jwt.sign(new MACSigner(RunningService.SECRET.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static Date in(Duration duration) {
        return Date.from(Instant.now().plus(duration));
    }

    @Test
    void aTokenWithoutSubjectOrExpiryOrLivingLongerThanADayIsUnauthenticated() throws Exception {
        Tenants.Firm firm = service.newFirm("Token rules");
        String employee = firm.employee();
        Map<String, String> refused = Map.of(
                "no sub", sign(claims -> claims.issueTime(new Date()).expirationTime(in(Duration.ofMinutes(5))), employee),
                "blank sub", sign(claims -> claims.subject(" ").expirationTime(in(Duration.ofMinutes(5))), employee),
                "no exp", sign(claims -> claims.subject("adviser").issueTime(new Date()), employee),
                "exp in 9999", sign(claims -> claims.subject("adviser")
                        .expirationTime(Date.from(Instant.parse("9999-12-31T23:59:59Z"))), employee),
                "issued for 25 hours", sign(claims -> claims.subject("adviser").issueTime(new Date())
                        .expirationTime(in(Duration.ofHours(25))), employee),
                "issued long ago for 25 hours", sign(claims -> claims.subject("adviser")
                        .issueTime(Date.from(Instant.now().minus(Duration.ofHours(20))))
                        .expirationTime(in(Duration.ofHours(5))), employee),
                "no iat, 25 hours left", sign(claims -> claims.subject("adviser").expirationTime(in(Duration.ofHours(25))), employee));
        refused.forEach((why, token) -> {
            Api.Response response = service.api().as(token, employee)
                    .post("/api/v2/accounts", Map.of("first_name", "Token", "last_name", "Rules"));
            assertThat(response.status()).as(why + ": " + response.raw()).isEqualTo(401);
            assertThat(response.body()).as(why).isEqualTo(Api.JSON.valueToTree(Map.of("message", "Unauthenticated.")));
        });

        String day = sign(claims -> claims.subject("adviser").issueTime(new Date()).expirationTime(in(Duration.ofHours(23))),
                employee);
        assertThat(service.api().as(day, employee).post("/api/v2/accounts",
                Map.of("first_name", "Token", "last_name", "Rules")).status()).isEqualTo(201);
    }
}
