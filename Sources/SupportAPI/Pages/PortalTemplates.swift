/// The requester portal's templates (see `PageTemplates` for the frame and the escaping rule).
enum PortalTemplates {
    static let all: [String: String] = [
        "portal_login": portalLogin, "portal_home": portalHome, "portal_ticket": portalTicket, "portal_rate": portalRate, "rating_fields": ratingFields,
    ]

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
}
