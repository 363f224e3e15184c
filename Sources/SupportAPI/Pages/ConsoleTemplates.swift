/// The staff console's agent templates: the queue and the ticket page (the role views are in
/// `ConsoleRoleTemplates`).
enum ConsoleTemplates {
    static let all: [String: String] = ["console_queue": consoleQueue, "console_ticket": consoleTicket, "console_requester": consoleRequester, "console_reports": consoleReports]

    static let consoleQueue = """
        {{> head}}
        {{#filters}}<form method="get" action="/console" id="filters" class="filters">
        <select name="line" id="filter-line" aria-label="{{t.line}}"><option value="">{{t.line}}: {{t.any}}</option>{{#lines}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/lines}}</select>
        <select name="priority" id="filter-priority" aria-label="{{t.priority}}"><option value="">{{t.priority}}: {{t.any}}</option>{{#priorities}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/priorities}}</select>
        <select name="category" id="filter-category" aria-label="{{t.category}}"><option value="">{{t.category}}: {{t.any}}</option>{{#categoryChoices}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/categoryChoices}}</select>
        <label style="font-weight:normal"><input type="checkbox" name="due" value="30" id="filter-due" style="width:auto"{{#dueChecked}} checked{{/dueChecked}}> {{t.due_soon}}</label>
        <button id="apply-filters">{{t.filter}}</button>
        </form>{{/filters}}
        <div id="queues" data-version="{{version}}">
        {{#queues}}<section id="queue-{{key}}">
        <h2>{{title}} ({{count}})</h2>
        {{^tickets}}<p class="meta">—</p>{{/tickets}}
        {{#hasTickets}}<table><thead><tr><th>{{t.number}}</th><th>{{t.subject}}</th><th>{{t.status}}</th><th>{{t.sla}}</th></tr></thead><tbody>
        {{#tickets}}<tr><td>{{number}}</td><td><a href="/console/tickets/{{id}}">{{subject}}</a></td><td>{{status}} · {{line}} · {{priority}}</td><td class="{{slaClass}}">{{sla}}</td></tr>{{/tickets}}
        </tbody></table>{{/hasTickets}}
        </section>{{/queues}}
        </div>
        <p class="meta">{{t.live}}</p>
        <script src="/console/live.js" defer></script>
        {{> foot}}
        """

    static let consoleTicket = """
        {{> head}}
        <p><a href="/console">← {{t.queue}}</a></p>
        <section>
        <h1 id="ticket-title">#{{number}} {{subject}}</h1>
        <p class="meta">{{t.status}}: <span id="ticket-status">{{status}}</span> · <span id="ticket-line">{{line}}</span> · {{priority}} · {{category}} · {{channel}} · {{t.sla}}: <span class="{{slaClass}}">{{sla}}</span>{{#hasRequester}} · <a href="/console/requesters/{{requesterID}}" id="requester-account">{{t.account}}</a>{{/hasRequester}}</p>
        {{#incident}}<p class="meta" id="incident-link">{{t.report_of}} <a href="/console/tickets/{{incidentID}}">#{{incidentNumber}} {{incidentSubject}}</a></p>{{/incident}}
        {{#messages}}<div class="message {{author}}"><div class="meta">{{who}} · {{at}}</div>{{body}}</div>{{/messages}}
        </section>
        {{#hasReports}}<section id="reports"><h2>{{t.reports}}</h2><table><tbody>
        {{#reports}}<tr><td>#{{number}}</td><td><a href="/console/tickets/{{id}}">{{subject}}</a></td><td>{{status}}</td></tr>{{/reports}}
        </tbody></table></section>{{/hasReports}}
        <section>
        <h2>{{t.reply}}</h2>
        <form method="post" action="/console/tickets/{{id}}/messages">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <textarea id="reply-body" name="body" maxlength="20000" required></textarea>
        <label style="font-weight:normal"><input type="checkbox" name="internal" value="1" id="internal" style="width:auto"> {{t.internal_note}}</label>
        <label for="set-status">{{t.status}}</label><select id="set-status" name="status"><option value="">—</option>{{#statuses}}<option value="{{value}}">{{label}}</option>{{/statuses}}</select>
        <button id="send-reply">{{t.send}}</button>
        </form>
        {{#hasMacros}}<form method="post" action="/console/tickets/{{id}}/macro" id="macro-form">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label for="macro">{{t.macro}}</label><select id="macro" name="macro_id">{{#suggestedMacros}}<option value="{{id}}">★ {{title}}</option>{{/suggestedMacros}}{{#macros}}<option value="{{id}}">{{title}}</option>{{/macros}}</select>
        <button id="apply-macro">{{t.apply_macro}}</button>
        </form>{{/hasMacros}}
        </section>
        {{#hasArticles}}<section id="suggestions"><h2>{{t.suggested_articles}}</h2>
        {{#articles}}<article class="hit"><h3>{{title}}</h3><p>{{#snippet}}{{text}}{{#mark}}<mark>{{mark}}</mark>{{/mark}}{{/snippet}}</p></article>{{/articles}}
        </section>{{/hasArticles}}
        {{#mayEscalate}}<section>
        <h2>{{t.escalate}}</h2>
        <form method="post" action="/console/tickets/{{id}}/escalate">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <select id="direction" name="direction"><option value="up">{{t.up}}</option><option value="down">{{t.down}}</option></select>
        <label for="escalate-reason">{{t.reason}}</label><input id="escalate-reason" name="reason" maxlength="2000" required>
        <button id="escalate">{{t.escalate}}</button>
        </form>
        </section>{{/mayEscalate}}
        {{#mayMerge}}<section>
        <h2>{{t.links}}</h2>
        <form method="post" action="/console/tickets/{{id}}/link">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label for="incident-number">{{t.link_to_incident}}</label><input id="incident-number" name="number" inputmode="numeric" maxlength="20" required>
        <button id="link">{{t.link}}</button>
        </form>
        {{#incident}}<form method="post" action="/console/tickets/{{id}}/unlink"><input type="hidden" name="csrf" value="{{csrf}}"><button id="unlink">{{t.unlink}}</button></form>{{/incident}}
        <form method="post" action="/console/tickets/{{id}}/merge">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label for="merge-number">{{t.merge_into}}</label><input id="merge-number" name="number" inputmode="numeric" maxlength="20" required>
        <button id="merge">{{t.merge}}</button>
        </form>
        </section>{{/mayMerge}}
        {{> foot}}
        """

    static let consoleRequester = """
        {{> head}}
        <section>
        <h1 id="requester-name">{{name}}</h1>
        <p class="meta">{{contractName}} {{contractEmail}} · {{locale}} · CSAT {{csat}}</p>
        <h2>{{t.channels}}</h2>
        <table id="identities"><tbody>{{#identities}}<tr><td>{{channel}}</td><td>{{externalID}}</td><td>{{display}}</td><td>{{#verified}}✓{{/verified}}</td></tr>{{/identities}}</tbody></table>
        </section>
        <section>
        <h2>{{t.tickets}}</h2>
        {{^tickets}}<p class="meta">—</p>{{/tickets}}
        <table id="requester-tickets"><tbody>{{#tickets}}<tr><td>#{{number}}</td><td><a href="/console/tickets/{{id}}">{{subject}}</a></td><td>{{channel}}</td><td>{{status}}</td><td>{{csat}}</td><td>{{at}}</td></tr>{{/tickets}}</tbody></table>
        </section>
        <section>
        <h2>{{t.deals_disputes}}</h2>
        {{^deals}}<p class="meta">—</p>{{/deals}}
        <table id="deals"><tbody>{{#deals}}<tr><td>{{ref}}</td><td>{{role}}</td><td>{{amount}}</td><td>{{status}}</td></tr>{{/deals}}</tbody></table>
        <table id="disputes"><tbody>{{#disputes}}<tr><td>{{t.dispute}} {{id}}</td><td>{{t.deal}} {{deal}}</td><td>{{role}}</td><td>{{state}}</td></tr>{{/disputes}}</tbody></table>
        </section>
        <section>
        <h2>{{t.punishments}}</h2>
        {{^punishments}}<p class="meta">—</p>{{/punishments}}
        <table id="punishments"><tbody>{{#punishments}}<tr><td>{{kind}}</td><td>{{chat}}</td><td>{{reason}}</td><td>{{at}} → {{until}}</td><td>{{#lifted}}{{t.lifted}}{{/lifted}}</td></tr>{{/punishments}}</tbody></table>
        </section>
        {{> foot}}
        """

    static let consoleReports = """
        {{> head}}
        <form method="get" action="/console/reports" class="filters" id="report-period">
        <label for="from">{{t.from}}</label><input type="date" id="from" name="from" value="{{from}}" style="width:auto">
        <label for="to">{{t.to}}</label><input type="date" id="to" name="to" value="{{to}}" style="width:auto">
        <select name="group_by" id="group-by">{{#dimensions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/dimensions}}</select>
        <button id="show-report">{{t.filter}}</button>
        </form>
        <section>
        <h2>{{t.summary}}</h2>
        <div style="overflow-x:auto"><table id="summary"><thead><tr><th></th><th>{{t.tickets}}</th><th>{{t.frt}}</th><th>{{t.fast}}</th><th>{{t.resolution}}</th><th>FCR</th><th>CSAT</th><th>SLA</th><th>{{t.repeat}}</th><th>{{t.backlog}}</th></tr></thead><tbody>
        {{#groups}}<tr><td>{{label}}</td><td>{{tickets}}</td><td>{{frt}}</td><td>{{fast}}</td><td>{{resolution}}</td><td>{{fcr}}</td><td>{{csat}}</td><td>{{sla}}</td><td>{{repeat}}</td><td>{{backlog}}</td></tr>{{/groups}}
        </tbody></table></div>
        <p><a href="/console/reports/summary?{{parameters}}&format=csv" id="summary-csv">CSV</a></p>
        <img src="/console/reports/charts/summary.svg?{{parameters}}&metric=sla_compliance_pct" alt="SLA" id="chart-sla" style="max-width:100%">
        <img src="/console/reports/charts/summary.svg?{{parameters}}&metric=csat_avg" alt="CSAT" id="chart-csat" style="max-width:100%">
        </section>
        <section>
        <h2>{{t.topics}}</h2>
        <img src="/console/reports/charts/topics.svg?{{parameters}}" alt="{{t.topics}}" id="chart-topics" style="max-width:100%">
        <table id="topics"><tbody>{{#topics}}<tr><td>{{topic}}</td><td>{{total}}</td><td>{{slope}}</td></tr>{{/topics}}</tbody></table>
        <p><a href="/console/reports/topics?{{parameters}}&format=csv" id="topics-csv">CSV</a></p>
        </section>
        <section>
        <h2>{{t.agent_ratings}}</h2>
        <div style="overflow-x:auto"><table id="agents"><thead><tr><th></th><th>{{t.tickets}}</th><th>{{t.resolved}}</th><th>CSAT</th><th>SLA</th><th>{{t.reopened}}</th></tr></thead><tbody>
        {{#agents}}<tr><td>{{name}}</td><td>{{tickets}}</td><td>{{resolved}}</td><td>{{csat}}</td><td>{{sla}}</td><td>{{reopen}}</td></tr>{{/agents}}
        </tbody></table></div>
        <p><a href="/console/reports/agents?{{parameters}}&format=csv" id="agents-csv">CSV</a></p>
        </section>
        {{> foot}}
        """
}
