/// The ops page's template (`OpsPage`).
enum OpsTemplates {
    static let all: [String: String] = ["console_ops": ops]

    static let ops = """
        {{> head}}
        <section>
        <h2>{{t.queues}}</h2>
        <table id="ops-queues"><thead><tr><th>{{t.queue_name}}</th><th>{{t.ready}}</th><th>{{t.running}}</th><th>{{t.scheduled}}</th><th>{{t.dead}}</th><th>{{t.oldest_ready}}</th></tr></thead><tbody>
        {{#queues}}<tr><td>{{queue}}</td><td>{{ready}}</td><td>{{running}}</td><td>{{scheduled}}</td><td>{{dead}}</td><td{{#late}} class="breached"{{/late}}>{{age}}</td></tr>{{/queues}}
        </tbody></table>
        </section>
        <section>
        <h2>{{t.workers}}</h2>
        <table id="ops-workers"><thead><tr><th>{{t.worker}}</th><th>{{t.queue_name}}</th><th>{{t.heartbeat}}</th><th>{{t.running}}</th></tr></thead><tbody>
        {{#workers}}<tr><td>{{id}}<div class="meta">pid {{pid}} · {{host}} · {{started}}</div></td><td>{{queues}}</td><td{{#stale}} class="breached"{{/stale}}>{{heartbeat}}</td><td>{{running}}</td></tr>{{/workers}}
        </tbody></table>
        </section>
        <section>
        <h2>{{t.dead_jobs}}</h2>
        {{^hasDead}}<p class="meta" id="no-dead">—</p>{{/hasDead}}
        {{#hasDead}}<table id="dead-jobs"><tbody>
        {{#dead}}<tr><td>{{id}}</td><td>{{queue}} · {{kind}}<div class="meta">{{reason}} · {{t.attempt}} {{attempt}} · {{died}}</div><div class="meta">{{error}}</div></td>
        <td><form method="post" action="/console/ops/dead/{{id}}/retry"><input type="hidden" name="csrf" value="{{csrf}}"><button id="retry-{{id}}">{{t.retry}}</button></form></td></tr>{{/dead}}
        </tbody></table>{{/hasDead}}
        </section>
        {{> foot}}
        """
}
