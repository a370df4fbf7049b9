#pragma once

#include "app/graph/graphendpoint.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

// One of the four partner-billing exports (usage or reconciliation, billed or unbilled), as
// the analyst filled it in.
// Text fields hold what was typed; normalized() trims and fixes the case, validate() says
// what is wrong in words the analyst can act on, and body()/label() describe the normalized
// request.
class ExportRequest
{
    Q_DECLARE_TR_FUNCTIONS(ExportRequest)

public:
    enum class Kind { BilledUsage, UnbilledUsage, BilledReconciliation, UnbilledReconciliation };
    enum class Field { InvoiceId, CurrencyCode, BillingPeriod, AttributeSet };

    struct FieldError
    {
        Field field;
        QString message;
    };

    Kind kind = Kind::BilledUsage;
    QString invoiceId; // billed exports only
    QString currencyCode; // unbilled exports only
    QString billingPeriod = QStringLiteral("current"); // unbilled exports only: current | last
    QString attributeSet = QStringLiteral("full"); // full | basic; empty means full

    static QList<Kind> kinds();
    static QString kindName(Kind kind); // "Billed usage"
    static bool usesInvoice(Kind kind); // billed exports; the unbilled ones take a currency
    bool usesInvoice() const { return usesInvoice(kind); }

    // The fields this kind uses, trimmed; invoice and currency upper-cased, the enums
    // lower-cased, an empty attribute set made "full"; the fields it does not use cleared.
    ExportRequest normalized() const;

    // Every problem with the fields this kind uses; empty when the request can be sent.
    QList<FieldError> validate() const;
    bool isValid() const { return validate().isEmpty(); }
    // The message for one field, empty when that field is fine or unused by the kind.
    QString errorFor(Field field) const;

    // The POST target and its JSON body, both for the normalized request.
    QUrl url(const GraphEndpoint &endpoint) const;
    QJsonObject body() const;
    // "Billed usage · G016907411 · full", "Unbilled usage · USD · current · full".
    QString label() const;

    static QString invoiceIdError(const QString &invoiceId);
    static QString currencyCodeError(const QString &currencyCode);
    static QString billingPeriodError(const QString &billingPeriod);
    static QString attributeSetError(const QString &attributeSet);
};
