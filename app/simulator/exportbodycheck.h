#pragma once

#include <QByteArray>
#include <QString>

// Checks the body of POST .../{usage|reconciliation}/{billed|unbilled}/export like the docs
// describe it. Keys and enum values are matched case-insensitively, because Microsoft's own
// sample sends PascalCase ({"InvoiceId":"...","AttributeSet":"Full"}).
namespace ExportBodyCheck {

enum class Kind { Billed, Unbilled };

struct Problem
{
    QString code; // Graph error code: "BadRequest" (unreadable/missing) or "InvalidRequest"
    QString message; // names the field
    bool isEmpty() const { return message.isEmpty(); }
};

// An empty Problem when the body is acceptable.
Problem validate(Kind kind, const QByteArray &body);

// Whether a valid body asks for the "basic" attribute set (any case) rather than "full".
bool asksForBasicAttributes(const QByteArray &body);

} // namespace ExportBodyCheck
