package io.contactdetails.kernel.contactdetail;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import io.contactdetails.kernel.InvalidValue;

import java.util.Locale;
import java.util.regex.Pattern;

/** A valid phone number in E.164, with the region it belongs to and its national format. */
public record PhoneNumber(String value, PhoneNumberMeta phoneNumberMeta) implements ContactValue {
    public static final String DEFAULT_REGION = "GB";
    // Longer input than any dialable number plus formatting is junk; refuse before parsing it.
    private static final int MAX_INPUT_LENGTH = 64;
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    // libphonenumber skips letters and trailing junk ("+443330903630x" parses); we store only what was
    // dialled, so anything beyond digits and the usual punctuation is refused rather than silently dropped.
    private static final Pattern DIALLABLE = Pattern.compile("[0-9+()./\\s-]+");

    public PhoneNumber {
        if (value == null || phoneNumberMeta == null) {
            throw new InvalidValue("A phone number needs its E.164 value and meta.");
        }
    }

    public static boolean isSupportedRegion(String region) {
        return region != null && UTIL.getSupportedRegions().contains(region.toUpperCase(Locale.ROOT));
    }

    /** Parses {@code raw} as dialled in {@code region}; a leading '+' overrides the region. */
    public static PhoneNumber parse(String raw, String region) {
        if (!isSupportedRegion(region)) {
            throw new InvalidValue("The selected country is invalid.");
        }
        if (raw == null || raw.isBlank() || raw.length() > MAX_INPUT_LENGTH || !DIALLABLE.matcher(raw).matches()) {
            throw new InvalidValue("The number must be a valid phone number.");
        }
        try {
            var number = UTIL.parse(raw, region.toUpperCase(Locale.ROOT));
            if (!UTIL.isValidNumber(number) || number.hasExtension()) {
                throw new InvalidValue("The number must be a valid phone number.");
            }
            return new PhoneNumber(
                    UTIL.format(number, PhoneNumberFormat.E164),
                    new PhoneNumberMeta(UTIL.getRegionCodeForNumber(number), UTIL.format(number, PhoneNumberFormat.NATIONAL)));
        } catch (NumberParseException e) {
            throw new InvalidValue("The number must be a valid phone number.");
        }
    }

    @Override
    public ContactType type() {
        return ContactType.PHONE_NUMBER;
    }
}
