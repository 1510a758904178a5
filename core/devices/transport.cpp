// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport.h"

#include "escpos.h"

#include <QCoreApplication>
#include <QFile>
#include <QSerialPort>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Devices)
};

constexpr int kConnectMs = 2000;
constexpr int kWriteMs = 5000;
constexpr int kStatusMs = 400;

Status unreachable(const QString &where, const QString &why)
{
    return fail(ErrorCode::Unavailable, Tr::tr("%1 is not answering: %2").arg(where, why));
}

Status outOfPaper(const QString &where)
{
    return fail(ErrorCode::Unavailable, Tr::tr("%1 is out of paper").arg(where));
}

class TcpTransport final : public Transport
{
public:
    TcpTransport(QString host, quint16 port)
        : m_host(std::move(host))
        , m_port(port)
    {}

    Status send(const QByteArray &bytes, PaperCheck check) override
    {
        const QString where = Tr::tr("printer %1:%2").arg(m_host).arg(m_port);
        QTcpSocket socket;
        socket.connectToHost(m_host, m_port);
        if (!socket.waitForConnected(kConnectMs)) {
            return unreachable(where, socket.errorString());
        }
        if (check == PaperCheck::Ask) {
            socket.write(paperStatusQuery());
            // Printers that do not answer status queries are trusted to have paper.
            if (socket.waitForReadyRead(kStatusMs) && paperEnded(socket.read(1).at(0))) {
                return outOfPaper(where);
            }
        }
        socket.write(bytes);
        while (socket.bytesToWrite() > 0) {
            if (!socket.waitForBytesWritten(kWriteMs)) {
                return unreachable(where, socket.errorString());
            }
        }
        socket.disconnectFromHost();
        if (socket.state() != QAbstractSocket::UnconnectedState) {
            socket.waitForDisconnected(kConnectMs);
        }
        return {};
    }

private:
    QString m_host;
    quint16 m_port;
};

class FileTransport final : public Transport
{
public:
    explicit FileTransport(QString path)
        : m_path(std::move(path))
    {}

    Status send(const QByteArray &bytes, PaperCheck) override
    {
        QFile file(m_path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Append)) {
            return unreachable(m_path, file.errorString());
        }
        if (file.write(bytes) != bytes.size() || !file.flush()) {
            return unreachable(m_path, file.errorString());
        }
        return {};
    }

private:
    QString m_path;
};

class SerialTransport final : public Transport
{
public:
    SerialTransport(QString port, qint32 baud)
        : m_port(std::move(port))
        , m_baud(baud)
    {}

    Status send(const QByteArray &bytes, PaperCheck) override
    {
        QSerialPort port(m_port);
        port.setBaudRate(m_baud);
        if (!port.open(QIODevice::ReadWrite)) {
            return unreachable(m_port, port.errorString());
        }
        port.write(bytes);
        while (port.bytesToWrite() > 0) {
            if (!port.waitForBytesWritten(kWriteMs)) {
                return unreachable(m_port, port.errorString());
            }
        }
        return {};
    }

private:
    QString m_port;
    qint32 m_baud;
};

} // namespace

Result<std::unique_ptr<Transport>> makeTransport(const QString &address)
{
    const QUrl url(address, QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (scheme == QLatin1String("tcp") && !url.host().isEmpty()) {
        return std::make_unique<TcpTransport>(url.host(), static_cast<quint16>(url.port(9100)));
    }
    if (scheme == QLatin1String("file") && !url.path().isEmpty()) {
        return std::make_unique<FileTransport>(url.path());
    }
    if (scheme == QLatin1String("serial") && !url.path().isEmpty()) {
        bool ok = false;
        const qint32 baud = QUrlQuery(url).queryItemValue(QStringLiteral("baud")).toInt(&ok);
        return std::make_unique<SerialTransport>(url.path(), ok ? baud : 9600);
    }
    return fail(ErrorCode::Validation,
                Tr::tr("device address %1: use tcp://host:port, file:///path or "
                       "serial:///dev/ttyX?baud=9600")
                        .arg(address));
}

} // namespace pos
