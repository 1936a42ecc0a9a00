package org.reciprocity.core.contact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.sharing.Audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An entry is refused, by the field at fault, unless others can use it in an incident. */
class ContactRulesTest {

    private static final String KEY = "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBGXk\n=abcd\n"
            + "-----END PGP PUBLIC KEY BLOCK-----";

    @Test
    void aCompleteEntryIsTrimmedAndItsBlankFieldsAreNone() {
        PublishContacts command = publish(new IncidentContacts("  SingCERT ", " cert@example.sg", "+65 6211 0000",
                KEY + "\n", " ", "https://cert.example.sg/.well-known/security.txt"));
        assertThat(command.contacts()).isEqualTo(new IncidentContacts("SingCERT", "cert@example.sg", "+65 6211 0000",
                KEY, null, "https://cert.example.sg/.well-known/security.txt"));
    }

    @Test
    void aFingerprintStandsForTheKey() {
        assertThat(publish(contactsWithKey("ABCD 1234 ABCD 1234 ABCD  1234 ABCD 1234 ABCD 1234")).contacts().pgpKey())
                .isEqualTo("ABCD 1234 ABCD 1234 ABCD  1234 ABCD 1234 ABCD 1234");
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "team|",
            "email|",
            "email|cert.example.sg",
            "email|cert@localhost",
            "email|cert@@example.sg",
            "phone|6211 0000",
            "phone|+65-6211-0000",
            "phone|+65 62",
            "phone|+65 6211 0000 0000 000",
            "policyUrl|http://cert.example.sg/policy",
            "policyUrl|https:///policy",
            "policyUrl|cert.example.sg/policy",
            "pgpKey|not a key",
            "pgpKey|ABCD1234",
            "pgpKey|-----BEGIN PGP PRIVATE KEY BLOCK-----",
    })
    void anUnusableFieldIsRefusedByName(String field, String value) {
        IncidentContacts good = new IncidentContacts("SingCERT", "cert@example.sg", "+65 6211 0000", null, "24/7",
                "https://cert.example.sg/policy");
        IncidentContacts bad = new IncidentContacts(
                field.equals("team") ? value : good.team(),
                field.equals("email") ? value : good.email(),
                field.equals("phone") ? value : good.phone(),
                field.equals("pgpKey") ? value : good.pgpKey(),
                good.hours(),
                field.equals("policyUrl") ? value : good.policyUrl());
        assertThatThrownBy(() -> publish(bad)).isInstanceOfSatisfying(InvalidInputException.class,
                refusal -> assertThat(refusal.field()).isEqualTo(field));
    }

    @Test
    void aKeyBeyondItsLimitIsRefused() {
        String huge = "-----BEGIN PGP PUBLIC KEY BLOCK-----\n" + "A".repeat(ContactRules.MAX_PGP_KEY)
                + "\n-----END PGP PUBLIC KEY BLOCK-----";
        assertThatThrownBy(() -> publish(contactsWithKey(huge))).isInstanceOfSatisfying(InvalidInputException.class,
                refusal -> assertThat(refusal).hasMessageContaining("at most 16384 characters"));
    }

    @Test
    void aControlCharacterIsRefusedWhereverItIs() {
        assertThatThrownBy(() -> publish(new IncidentContacts("Sing\u0000CERT", "cert@example.sg", null, null, null,
                null))).isInstanceOfSatisfying(InvalidInputException.class,
                refusal -> assertThat(refusal.field()).isEqualTo("team"));
    }

    @Test
    void aRedEntryForNoOneByNameIsRefused() {
        IncidentContacts contacts = new IncidentContacts("SingCERT", "cert@example.sg", null, null, null, null);
        assertThatThrownBy(() -> new PublishContacts("cert-sg", contacts, Audience.EXCHANGE, Tlp.RED, "cert-sg"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        refusal -> assertThat(refusal.field()).isEqualTo("audience"));
    }

    private static IncidentContacts contactsWithKey(String key) {
        return new IncidentContacts("SingCERT", "cert@example.sg", null, key, null, null);
    }

    private static PublishContacts publish(IncidentContacts contacts) {
        return new PublishContacts("cert-sg", contacts, Audience.EXCHANGE, Tlp.GREEN, "cert-sg");
    }
}
