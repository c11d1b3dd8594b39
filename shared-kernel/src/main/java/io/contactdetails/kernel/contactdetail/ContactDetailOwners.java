package io.contactdetails.kernel.contactdetail;

import io.contactdetails.kernel.InvalidValue;
import io.contactdetails.kernel.account.AccountId;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who owns a contact detail, and for which of them it is the primary of its type: at least one owner and at
 * most {@link #MAX_OWNERS}, each once, and a primary is always one of the owners (a primary is one of the
 * account's own details). Built only when all of that holds; otherwise every broken rule is reported with its
 * position.
 */
public record ContactDetailOwners(List<AccountId> accounts, Set<AccountId> primaryFor) {
    /**
     * Every owner is an aggregate loaded and appended to in the one transaction of a request, and is named
     * again in the detail's events and history: the bound keeps that work, and what it answers, small.
     */
    public static final int MAX_OWNERS = 100;

    public enum Rule {
        /** No owner at all. */
        AT_LEAST_ONE_OWNER,
        /** More than {@link #MAX_OWNERS}; {@code index} is the first owner too many. */
        AT_MOST_MAX_OWNERS,
        /** The owner at {@code index} is named twice. */
        DISTINCT_OWNERS,
        /** The primary at {@code index} is named twice. */
        DISTINCT_PRIMARIES,
        /** The primary at {@code index} is not among the owners. */
        PRIMARY_IS_AN_OWNER
    }

    public record Violation(Rule rule, int index) {
    }

    /** The owners could not be built; {@link #violations()} lists every rule broken, in the order found. */
    public static final class Invalid extends InvalidValue {
        private final List<Violation> violations;

        Invalid(List<Violation> violations) {
            super("Invalid owners: " + violations);
            this.violations = List.copyOf(violations);
        }

        public List<Violation> violations() {
            return violations;
        }
    }

    public ContactDetailOwners {
        accounts = List.copyOf(accounts);
        primaryFor = Set.copyOf(primaryFor);
        List<Violation> violations = check(accounts, List.copyOf(primaryFor));
        if (!violations.isEmpty()) {
            throw new Invalid(violations);
        }
    }

    /** {@code primaries} in the order the caller named them, so that a refusal points at the right one. */
    public static ContactDetailOwners of(List<AccountId> accounts, List<AccountId> primaries) {
        List<Violation> violations = check(accounts, primaries);
        if (!violations.isEmpty()) {
            throw new Invalid(violations);
        }
        return new ContactDetailOwners(accounts, new LinkedHashSet<>(primaries));
    }

    /** Every owner is a primary. */
    public static ContactDetailOwners allPrimary(List<AccountId> accounts) {
        return of(accounts, accounts);
    }

    public boolean isPrimaryFor(AccountId account) {
        return primaryFor.contains(account);
    }

    /**
     * Every rule the lists break, by position. A null entry stands for one the caller could not read: it is
     * skipped, and while an owner is unreadable no primary is judged against the owners.
     */
    public static List<Violation> check(List<AccountId> accounts, List<AccountId> primaries) {
        List<Violation> violations = new ArrayList<>();
        if (accounts.isEmpty()) {
            violations.add(new Violation(Rule.AT_LEAST_ONE_OWNER, 0));
        }
        if (accounts.size() > MAX_OWNERS) {
            violations.add(new Violation(Rule.AT_MOST_MAX_OWNERS, MAX_OWNERS));
        }
        Set<AccountId> seen = new HashSet<>();
        for (int index = 0; index < accounts.size(); index++) {
            AccountId account = accounts.get(index);
            if (account != null && !seen.add(account)) {
                violations.add(new Violation(Rule.DISTINCT_OWNERS, index));
            }
        }
        boolean ownersKnown = accounts.stream().noneMatch(java.util.Objects::isNull);
        Set<AccountId> seenPrimaries = new HashSet<>();
        for (int index = 0; index < primaries.size(); index++) {
            AccountId primary = primaries.get(index);
            if (primary == null) {
                continue;
            }
            if (!seenPrimaries.add(primary)) {
                violations.add(new Violation(Rule.DISTINCT_PRIMARIES, index));
            } else if (ownersKnown && !seen.contains(primary)) {
                violations.add(new Violation(Rule.PRIMARY_IS_AN_OWNER, index));
            }
        }
        return violations;
    }
}
