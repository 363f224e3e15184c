/// The pages' Mustache templates, compiled into the binary so a deployment is one file. `{{…}}` escapes
/// HTML; nothing here uses the unescaped forms, so text from people can never become markup.
enum PageTemplates {
    static let all: [String: String] = [
        "head": head, "foot": foot, "portal_login": portalLogin, "portal_home": portalHome, "portal_ticket": portalTicket, "portal_rate": portalRate, "console_queue": consoleQueue, "console_ticket": consoleTicket, "rating_fields": ratingFields,
    ]

    static let head = """
        <!doctype html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · {{brand}}</title>
        <style>
        body{font:16px/1.45 system-ui,sans-serif;margin:0;color:#1d2330;background:#f5f6f8}
        header{display:flex;justify-content:space-between;align-items:center;padding:.6rem 1rem;background:#1f3b63;color:#fff}
        header a{color:#fff;text-decoration:none;font-weight:600}
        main{max-width:52rem;margin:0 auto;padding:1rem}
        section{background:#fff;border-radius:8px;padding:1rem;margin-bottom:1rem;box-shadow:0 1px 2px #0001}
        label{display:block;margin:.5rem 0 .2rem;font-weight:600}
        input,select,textarea{width:100%;box-sizing:border-box;padding:.5rem;font:inherit;border:1px solid #b8c0cc;border-radius:6px}
        textarea{min-height:7rem}
        button{margin-top:.7rem;padding:.5rem 1.1rem;font:inherit;border:0;border-radius:6px;background:#2563eb;color:#fff;cursor:pointer}
        header button{margin:0;background:#ffffff22}
        table{width:100%;border-collapse:collapse}td,th{text-align:left;padding:.4rem;border-bottom:1px solid #e3e6eb}
        .flash{padding:.6rem 1rem;border-radius:6px;background:#e7f6ec;border:1px solid #9bd3ad}
        .error{background:#fdecec;border-color:#f0a3a3}
        .message{border-left:4px solid #b8c0cc;padding:.3rem .8rem;margin:.6rem 0;white-space:pre-wrap}
        .message.staff{border-color:#2563eb}.message.note{border-color:#d97706;background:#fff8eb}.meta{color:#667085;font-size:.85rem}
        .breached{color:#b42318;font-weight:600}.soon{color:#b54708}
        mark{background:#fff1a8}
        @media (max-width:40rem){td:nth-child(4),th:nth-child(4){display:none}}
        </style>
        </head>
        <body>
        <header><a href="{{home}}">{{brand}}</a>{{#signedIn}}<form method="post" action="{{home}}/logout"><input type="hidden" name="csrf" value="{{csrf}}"><button id="sign-out">{{t.sign_out}}</button></form>{{/signedIn}}</header>
        <main>
        {{#flash}}<p class="flash" id="flash">{{flash}}</p>{{/flash}}{{#error}}<p class="flash error" id="error">{{error}}</p>{{/error}}
        """

    static let foot = """
        </main>
        </body>
        </html>
        """

    static let portalLogin = """
        {{> head}}
        <section>
        <h1>{{t.sign_in}}</h1>
        <form method="post" action="{{home}}/login">
        <label for="email">{{t.email}}</label><input id="email" name="email" type="email" autocomplete="username" required value="{{email}}">
        <label for="password">{{t.password}}</label><input id="password" name="password" type="password" autocomplete="current-password" required>
        <button id="sign-in">{{t.sign_in}}</button>
        </form>
        <p class="meta">{{t.forgot}}</p>
        </section>
        {{> foot}}
        """

    static let portalHome = """
        {{> head}}
        <section>
        <h1>{{t.my_requests}}</h1>
        {{^hasTickets}}<p id="no-requests">{{t.no_requests}}</p>{{/hasTickets}}
        {{#hasTickets}}<table id="requests"><thead><tr><th>{{t.number}}</th><th>{{t.subject}}</th><th>{{t.status}}</th><th>{{t.updated}}</th></tr></thead><tbody>
        {{#tickets}}<tr><td>{{number}}</td><td><a href="/portal/tickets/{{id}}">{{subject}}</a></td><td>{{status}}</td><td>{{updated}}</td></tr>{{/tickets}}
        </tbody></table>{{/hasTickets}}
        </section>
        <section>
        <h2>{{t.new_request}}</h2>
        <form method="post" action="/portal/requests">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label for="subject">{{t.subject}}</label><input id="subject" name="subject" maxlength="300">
        <label for="category">{{t.category}}</label><select id="category" name="category"><option value="">{{t.any_category}}</option>{{#categories}}<option value="{{value}}">{{label}}</option>{{/categories}}</select>
        <label for="body">{{t.message}}</label><textarea id="body" name="body" maxlength="20000" required></textarea>
        <button id="send">{{t.send}}</button>
        </form>
        </section>
        <section>
        <h2>{{t.search_kb}}</h2>
        <form method="get" action="/portal"><input id="q" name="q" value="{{query}}" maxlength="200"><button id="search">{{t.search}}</button></form>
        {{#searched}}{{^articles}}<p>{{t.no_articles}}</p>{{/articles}}{{/searched}}
        {{#articles}}<article class="hit"><h3>{{title}}</h3><p>{{#snippet}}{{text}}{{#mark}}<mark>{{mark}}</mark>{{/mark}}{{/snippet}}</p></article>{{/articles}}
        </section>
        {{> foot}}
        """

    static let ratingFields = """
        <fieldset id="scores"><legend>{{t.score}}</legend>{{#scores}}<label style="display:inline-block;margin-right:1rem"><input type="radio" name="score" value="{{value}}" id="score-{{value}}" style="width:auto"{{#checked}} checked{{/checked}}> {{value}}</label>{{/scores}}</fieldset>
        <label for="comment">{{t.comment}}</label><textarea id="comment" name="comment" maxlength="2000"></textarea>
        <button id="rate">{{t.send}}</button>
        """

    static let portalRate = """
        {{> head}}
        <section>
        <h1>{{t.rate}}</h1>
        {{#thanks}}<p class="flash" id="thanks">{{t.rated}}</p>{{/thanks}}
        {{^thanks}}<form method="post" action="/portal/rate">
        <input type="hidden" name="token" value="{{token}}">
        {{> rating_fields}}
        </form>{{/thanks}}
        </section>
        {{> foot}}
        """

    static let portalTicket = """
        {{> head}}
        <p><a href="/portal">← {{t.back}}</a></p>
        <section>
        <h1 id="ticket-title">#{{number}} {{subject}}</h1>
        <p class="meta">{{t.status}}: <span id="ticket-status">{{status}}</span></p>
        {{#messages}}<div class="message {{author}}"><div class="meta">{{who}} · {{at}}</div>{{body}}</div>{{/messages}}
        </section>
        {{#rating}}<section>
        <h2>{{t.rate}}</h2>
        <form method="post" action="/portal/tickets/{{id}}/rate">
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{> rating_fields}}
        </form>
        </section>{{/rating}}
        <section>
        <h2>{{t.reply}}</h2>
        <form method="post" action="/portal/tickets/{{id}}/reply">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <textarea id="reply-body" name="body" maxlength="20000" required></textarea>
        <button id="reply">{{t.send}}</button>
        </form>
        </section>
        {{> foot}}
        """

    static let consoleQueue = """
        {{> head}}
        {{#queues}}<section id="queue-{{key}}">
        <h2>{{title}} ({{count}})</h2>
        {{^tickets}}<p class="meta">—</p>{{/tickets}}
        {{#hasTickets}}<table><thead><tr><th>{{t.number}}</th><th>{{t.subject}}</th><th>{{t.status}}</th><th>{{t.sla}}</th></tr></thead><tbody>
        {{#tickets}}<tr><td>{{number}}</td><td><a href="/console/tickets/{{id}}">{{subject}}</a></td><td>{{status}} · {{line}} · {{priority}}</td><td class="{{slaClass}}">{{sla}}</td></tr>{{/tickets}}
        </tbody></table>{{/hasTickets}}
        </section>{{/queues}}
        {{> foot}}
        """

    static let consoleTicket = """
        {{> head}}
        <p><a href="/console">← {{t.queue}}</a></p>
        <section>
        <h1 id="ticket-title">#{{number}} {{subject}}</h1>
        <p class="meta">{{t.status}}: <span id="ticket-status">{{status}}</span> · {{line}} · {{priority}} · {{category}} · {{t.sla}}: <span class="{{slaClass}}">{{sla}}</span></p>
        {{#messages}}<div class="message {{author}}"><div class="meta">{{who}} · {{at}}</div>{{body}}</div>{{/messages}}
        </section>
        <section>
        <h2>{{t.reply}}</h2>
        <form method="post" action="/console/tickets/{{id}}/messages">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <textarea id="reply-body" name="body" maxlength="20000" required></textarea>
        <label style="font-weight:normal"><input type="checkbox" name="internal" value="1" id="internal" style="width:auto"> {{t.internal_note}}</label>
        <label for="set-status">{{t.status}}</label><select id="set-status" name="status"><option value="">—</option>{{#statuses}}<option value="{{value}}">{{label}}</option>{{/statuses}}</select>
        <button id="send-reply">{{t.send}}</button>
        </form>
        </section>
        {{> foot}}
        """
}
