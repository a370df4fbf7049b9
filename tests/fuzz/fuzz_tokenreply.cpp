// Answers of Entra ID's token endpoint: tokens with their lifetimes after a 2xx, an OAuth
// error ({"error":…,"error_codes":[…],…}) after anything else, or whatever a broken proxy
// sends instead.
#include "fuzzcheck.h"

#include "app/auth/oauthclient.h"

#include <QJsonObject>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    // The first byte picks the HTTP status, so that both halves of the parser get fuzzed.
    static const int statuses[] = {200, 201, 400, 401, 403, 429, 500, 503};
    const int status = statuses[data[0] % (sizeof statuses / sizeof *statuses)];
    const QByteArray body = fuzzBytes(data + 1, size - 1);

    QJsonObject answer;
    const SignInError error = OAuthClient::readAnswer(status, body, &answer);
    if (!error.isNull()) {
        FUZZ_CHECK(status < 200 || status >= 300 || error.kind == SignInError::Kind::BadReply);
        FUZZ_CHECK(!error.explanation().isEmpty());
        FUZZ_CHECK(!error.details().isEmpty());
        (void)error.needsInteraction();
        return 0;
    }
    FUZZ_CHECK(status >= 200 && status < 300);
    SignInError parseError;
    const TokenResponse tokens = OAuthClient::parseTokens(answer, &parseError);
    if (!parseError.isNull()) {
        FUZZ_CHECK(tokens.accessToken.isEmpty());
        FUZZ_CHECK(!parseError.explanation().isEmpty());
        return 0;
    }
    // Usable tokens: an access token, and a renewal time in the future, no later than the
    // expiry, whatever lifetimes the answer claims.
    FUZZ_CHECK(!tokens.accessToken.isEmpty());
    FUZZ_CHECK(tokens.expiresAt().isValid() && tokens.expiresAt() > tokens.receivedAt);
    FUZZ_CHECK(tokens.renewAt().isValid());
    FUZZ_CHECK(tokens.renewAt() > tokens.receivedAt && tokens.renewAt() <= tokens.expiresAt());
    return 0;
}
