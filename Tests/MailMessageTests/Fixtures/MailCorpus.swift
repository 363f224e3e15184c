import Foundation

/// A corpus of realistic inbound messages, one per mailer or situation the email channel must handle.
enum MailCorpus {
    /// Gmail: multipart/alternative, UTF-8, quoted-printable with soft line breaks, base64 encoded words.
    static let gmailAlternative = Raw.crlf(
        """
        Delivered-To: support@example.com
        Received: by 2002:a05:6400:1234 with SMTP id abc;
                Mon, 3 Jun 2024 00:15:03 -0700 (PDT)
        MIME-Version: 1.0
        Date: Mon, 3 Jun 2024 10:15:00 +0300
        Message-ID: <CAF=Zx8Q1w@mail.gmail.com>
        Subject: =?UTF-8?B?0J3QtSDRgNCw0LHQvtGC0LDQtdGCINC+0L/Qu9Cw0YLQsA==?=
        From: =?UTF-8?B?0JjQstCw0L0g0J/QtdGC0YDQvtCy?= <Ivan.Petrov@Gmail.com>
        To: Support <support@example.com>
        Content-Type: multipart/alternative; boundary="000000000000a1b2c3d4"

        --000000000000a1b2c3d4
        Content-Type: text/plain; charset="UTF-8"
        Content-Transfer-Encoding: quoted-printable

        =D0=97=D0=B4=D1=80=D0=B0=D0=B2=D1=81=D1=82=D0=B2=D1=83=D0=B9=D1=82=D0=B5! =
        =D0=9E=D0=BF=D0=BB=D0=B0=D1=82=D0=B0 =D0=BA=D0=B0=D1=80=D1=82=D0=BE=D0=B9 =
        =D0=BD=D0=B5 =D0=BF=D1=80=D0=BE=D1=85=D0=BE=D0=B4=D0=B8=D1=82, =D0=B2=D1=8B=
        =D0=B4=D0=B0=D1=91=D1=82 =D0=BE=D1=88=D0=B8=D0=B1=D0=BA=D1=83 502.
        =D0=97=D0=B0=D0=BA=D0=B0=D0=B7 =E2=84=967731, =D1=81=D1=83=D0=BC=D0=BC=D0=
        =B0 1 500 =E2=82=BD.

        =D0=A1=D0=BF=D0=B0=D1=81=D0=B8=D0=B1=D0=BE,
        =D0=98=D0=B2=D0=B0=D0=BD

        --000000000000a1b2c3d4
        Content-Type: text/html; charset="UTF-8"
        Content-Transfer-Encoding: quoted-printable

        <div dir=3D"ltr">=D0=97=D0=B4=D1=80=D0=B0=D0=B2=D1=81=D1=82=D0=B2=D1=83=D0=
        =B9=D1=82=D0=B5! =D0=9E=D0=BF=D0=BB=D0=B0=D1=82=D0=B0 =D0=BA=D0=B0=D1=80=D1=
        =82=D0=BE=D0=B9 <b>=D0=BD=D0=B5 =D0=BF=D1=80=D0=BE=D1=85=D0=BE=D0=B4=D0=B8=
        =D1=82</b>, =D0=B2=D1=8B=D0=B4=D0=B0=D1=91=D1=82 =D0=BE=D1=88=D0=B8=D0=B1=
        =D0=BA=D1=83 502.<br>=D0=97=D0=B0=D0=BA=D0=B0=D0=B7 =E2=84=967731</div>

        --000000000000a1b2c3d4--
        """)

    /// Outlook: a single Windows-1251 text part in base64, Windows-1251 encoded words in Subject and From.
    static var outlookWindows1251: [UInt8] {
        let body = CyrillicBytes.goodDayWindows1251 + [0x0D, 0x0A] + CyrillicBytes.paymentBrokenWindows1251
            + Array(" (".utf8) + CyrillicBytes.invoiceWindows1251 + Array(")\r\n".utf8)
        let subject = Raw.encodedWord(CyrillicBytes.paymentBrokenWindows1251, charset: "windows-1251")
        let name = Raw.encodedWord(CyrillicBytes.privetWindows1251, charset: "windows-1251")
        return Raw.crlf(
            """
            From: \(name) <Olga@Corp.Example.RU>
            To: "support@example.com" <support@example.com>
            Subject: \(subject)
            Thread-Topic: \(subject)
            Thread-Index: AdqzAbCdEfGhIjKlMnOpQrStUvWxYz==
            Date: Tue, 4 Jun 2024 09:01:12 +0000
            Message-ID: <AM0PR07MB1234ABCD@AM0PR07MB1234.eurprd07.prod.outlook.com>
            Accept-Language: ru-RU, en-US
            Content-Language: ru-RU
            X-MS-Has-Attach:
            Content-Type: text/plain; charset="windows-1251"
            Content-Transfer-Encoding: base64
            MIME-Version: 1.0

            \(Raw.base64Body(body))
            """)
    }

    /// An old Unix mailer: KOI8-R 8-bit body and a KOI8-R "Q" encoded Subject.
    static var koi8rPlain: [UInt8] {
        Raw.crlf(
            """
            From: Sergey <sergey@mail.example.ru>
            To: support@example.com
            Subject: =?koi8-r?Q?=F0=D2=C9=D7=C5=D4=2C_?= =?koi8-r?Q?=EE=C5_=D2=C1=C2=CF=D4=C1=C5=D4?=
            Date: Wed, 05 Jun 2024 12:00:00 +0400 (MSD)
            Message-ID: <20240605120000.GA1234@mail.example.ru>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=koi8-r
            Content-Transfer-Encoding: 8bit


            """) + CyrillicBytes.goodDayKOI8R + [0x0D, 0x0A] + CyrillicBytes.paymentBrokenKOI8R + [0x0D, 0x0A]
    }

    /// A Western European client: ISO-8859-1 quoted-printable body and Q-encoded subject.
    static let latin1 = Raw.crlf(
        """
        From: =?iso-8859-1?Q?Ren=E9e_M=FCller?= <renee@example.de>
        To: support@example.com
        Subject: =?iso-8859-1?Q?R=E9sum=E9_du_probl=E8me?=
        Date: Thu, 6 Jun 2024 08:30:00 +0200
        Message-ID: <5f3a@example.de>
        MIME-Version: 1.0
        Content-Type: text/plain; charset="iso-8859-1"
        Content-Transfer-Encoding: quoted-printable

        Bonjour, le caf=E9 cr=E8me co=FBte 3 euros.=20
        Gr=FC=DFe
        """)

    /// A reply threading onto ticket 1042: raw UTF-8 headers, In-Reply-To/References, quoted history.
    static let replyToTicket = Raw.crlf(
        """
        From: Иван Петров <ivan.petrov@gmail.com>
        To: support@example.com
        Subject: Re: [#1042] Не работает оплата
        Date: Fri, 7 Jun 2024 11:00:00 +0300
        Message-ID: <CAF=reply2@mail.gmail.com>
        In-Reply-To: <ticket-1042-3@support.example.com>
        References: <ticket-1042-1@support.example.com>
         <ticket-1042-3@support.example.com>
        Content-Type: text/plain; charset=UTF-8
        Content-Transfer-Encoding: 8bit

        Попробовал ещё раз, теперь всё прошло. Спасибо!

        пт, 7 июн. 2024 г. в 10:00, Поддержка <support@example.com>:
        > Здравствуйте! Попробуйте оплатить ещё раз.
        >
        > --
        > Служба поддержки
        """)

    /// multipart/mixed with a PDF (RFC 2231 file name) and an image (encoded-word file name).
    static var mixedWithAttachments: [UInt8] {
        let pdf = Array("%PDF-1.4\n%\u{00E2}\u{00E3}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n".utf8)
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0xAB, count: 100)
        let imageName = Raw.encodedWord(Array("Скриншот.png".utf8), charset: "UTF-8")
        return Raw.crlf(
            """
            From: anna@example.com
            To: support@example.com
            Subject: Invoice and screenshot
            Date: Sat, 8 Jun 2024 14:00:00 +0000
            Message-ID: <mixed-1@example.com>
            MIME-Version: 1.0
            Content-Type: multipart/mixed;
            \tboundary="----=_Part_123_456.789"

            This is a multi-part message in MIME format.

            ------=_Part_123_456.789
            Content-Type: text/plain; charset=us-ascii
            Content-Transfer-Encoding: 7bit

            Please see the invoice and the screenshot attached.

            ------=_Part_123_456.789
            Content-Type: application/pdf; name="invoice.pdf"
            Content-Transfer-Encoding: base64
            Content-Disposition: attachment;
             filename*=utf-8''%D0%A1%D1%87%D1%91%D1%82%20%E2%84%9615.pdf

            \(Raw.base64Body(pdf))
            ------=_Part_123_456.789
            Content-Type: image/png; name="\(imageName)"
            Content-Transfer-Encoding: base64
            Content-Disposition: inline; filename="\(imageName)"
            Content-ID: <image001.png@01DAB5C8.12345670>

            \(Raw.base64Body(png))
            ------=_Part_123_456.789--

            """)
    }

    /// Apple Mail / Thunderbird style nesting: mixed → alternative → related (HTML + inline image), plus a zip.
    static var nestedMixedAlternativeRelated: [UInt8] {
        let logo: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0x11, count: 60)
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0x00, count: 40)
        return Raw.crlf(
            """
            From: "Doe, John" <John.Doe@Example.com>
            To: support@example.com, "Second, Desk" <desk@example.com>
            Cc: boss@example.com (The Boss)
            Subject: Logs attached
            Date: Sun, 9 Jun 2024 20:45:10 -0500
            Message-ID: <nested-7@example.com>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: multipart/alternative; boundary="alt"

            --alt
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            Logs are attached, see the logo inline.=20
            Thanks =E2=80=94 John

            --alt
            Content-Type: multipart/related; boundary="rel"; type="text/html"

            --rel
            Content-Type: text/html; charset=utf-8

            <html><body><p>Logs are attached, see the logo <img src="cid:logo@x"></p><p>Thanks &mdash; John</p></body></html>
            --rel
            Content-Type: image/jpeg
            Content-Transfer-Encoding: base64
            Content-ID: <logo@x>

            \(Raw.base64Body(logo))
            --rel--

            --alt--

            --outer
            Content-Type: application/zip; name=logs.zip
            Content-Transfer-Encoding: base64
            Content-Disposition: attachment; filename=logs.zip

            \(Raw.base64Body(zip))
            --outer--
            """)
    }

    /// An Exchange out-of-office reply.
    static let outOfOffice = Raw.crlf(
        """
        From: Olga <olga@corp.example.ru>
        To: support@example.com
        Subject: =?utf-8?B?0JDQstGC0L7QvtGC0LLQtdGCOg==?= Re: [#1042] Not working
        Date: Mon, 10 Jun 2024 09:00:00 +0300
        Message-ID: <ooo-1@corp.example.ru>
        Auto-Submitted: auto-replied
        X-Auto-Response-Suppress: All
        Content-Type: text/plain; charset=utf-8

        I am out of the office until June 17.
        """)

    /// A bounce: MAILER-DAEMON, null Return-Path, multipart/report with delivery-status.
    static let bounce = Raw.crlf(
        """
        Return-Path: <>
        From: Mail Delivery System <MAILER-DAEMON@mx.example.com>
        To: support@example.com
        Subject: Undelivered Mail Returned to Sender
        Date: Tue, 11 Jun 2024 03:04:05 +0000 (UTC)
        Message-Id: <20240611030405.ABC@mx.example.com>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status;
        \tboundary="ABC.1718075045/mx.example.com"

        This is a MIME-encapsulated message.

        --ABC.1718075045/mx.example.com
        Content-Description: Notification
        Content-Type: text/plain; charset=us-ascii

        I'm sorry to have to inform you that your message could not
        be delivered to one or more recipients.

        <nobody@example.org>: host mx.example.org said: 550 5.1.1 User unknown

        --ABC.1718075045/mx.example.com
        Content-Description: Delivery report
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.com
        Final-Recipient: rfc822; nobody@example.org
        Action: failed
        Status: 5.1.1

        --ABC.1718075045/mx.example.com
        Content-Description: Undelivered Message Headers
        Content-Type: text/rfc822-headers

        From: support@example.com
        To: nobody@example.org
        Subject: [#1042] Your request

        --ABC.1718075045/mx.example.com--
        """)

    /// A newsletter: Precedence: bulk, HTML only.
    static let newsletter = Raw.crlf(
        """
        From: "Shop News" <news@shop.example>
        To: support@example.com
        Subject: June deals
        Date: Wed, 12 Jun 2024 07:00:00 GMT
        Message-ID: <news-2024-06@shop.example>
        Precedence: bulk
        List-Unsubscribe: <https://shop.example/unsub?u=1>
        MIME-Version: 1.0
        Content-Type: text/html; charset=utf-8

        <!DOCTYPE html><html><head><title>Deals</title><style>p{color:red}</style></head>
        <body><h1>June&nbsp;deals</h1><p>Save 20% &amp; more&hellip;</p><script>track()</script>
        <table><tr><td>A</td><td>B</td></tr></table></body></html>
        """)

    /// Folded headers, including encoded words split across lines in the middle of a UTF-8 character.
    static var foldedHeaders: [UInt8] {
        let subject = Array("Заявка: ошибка".utf8)
        // Split after 7 bytes: inside the second Cyrillic letter's two-byte sequence.
        let first = Raw.encodedWord(subject[0..<7], charset: "UTF-8")
        let second = Raw.encodedWord(subject[7...], charset: "utf-8")
        return Raw.crlf(
            """
            From: Ivan
             Petrov
             <ivan@example.com>
            To: a@example.com,
            \tb@example.com,
              "C, Person" <c@example.com>
            Subject: \(first)
             \(second)
            Comments: plain text
             continued
            Date: Thu,
             13 Jun 2024 10:00:00 +0300
            Content-Type: text/plain;
             charset="utf-8"

            body
            """)
    }

    /// The boundary declared in the header never appears in the body.
    static let brokenBoundary = Raw.crlf(
        """
        From: x@example.com
        Subject: broken
        Content-Type: multipart/mixed; boundary="declared"

        --actual
        Content-Type: text/plain

        hello
        --actual--
        """)

    /// A multipart without a boundary parameter and without its close delimiter.
    static let missingBoundaryUnterminated = Raw.crlf(
        """
        From: x@example.com
        Subject: no boundary
        Content-Type: multipart/mixed

        --guess123
        Content-Type: text/plain; charset=utf-8

        first part
        --guess123
        Content-Type: text/plain; charset=utf-8

        second part, never closed
        """)
}
