/// The console's ops page template: queues, dead jobs with retry, workers.
enum OpsTemplates {
    static let all: [String: String] = ["console_ops": ops]

    static let ops = """
        {{> head}}
        <h1>{{t.nav_ops}}</h1>
        <section id="ops-queues">
        <h2>{{t.ops_queues}}</h2>
        {{^hasQueues}}<p class="meta">—</p>{{/hasQueues}}
        {{#hasQueues}}<table><thead><tr><th>{{t.ops_queue}}</th><th>{{t.ops_ready}}</th><th>{{t.ops_running}}</th><th>{{t.ops_scheduled}}</th><th>{{t.ops_dead}}</th><th>{{t.ops_oldest}}</th></tr></thead><tbody>
        {{#queues}}<tr><td>{{queue}}</td><td>{{ready}}</td><td>{{running}}</td><td>{{scheduled}}</td><td>{{dead}}</td><td>{{oldest}}</td></tr>{{/queues}}
        </tbody></table>{{/hasQueues}}
        </section>
        <section id="ops-dead">
        <h2>{{t.ops_dead_jobs}}</h2>
        {{^hasDead}}<p class="meta">—</p>{{/hasDead}}
        {{#hasDead}}<table><thead><tr><th>id</th><th>{{t.ops_queue}}</th><th>{{t.ops_kind}}</th><th>{{t.ops_error}}</th><th></th></tr></thead><tbody>
        {{#dead}}<tr><td>{{id}}</td><td>{{queue}}</td><td>{{kind}}</td><td>{{reason}} · {{error}} · {{at}}</td>
        <td><form method="post" action="/console/ops/jobs/{{id}}/retry"><input type="hidden" name="csrf" value="{{csrf}}"><button class="retry" id="retry-{{id}}">{{t.ops_retry}}</button></form></td></tr>{{/dead}}
        </tbody></table>{{/hasDead}}
        </section>
        <section id="ops-workers">
        <h2>{{t.ops_workers}}</h2>
        {{^hasWorkers}}<p class="meta">—</p>{{/hasWorkers}}
        {{#hasWorkers}}<table><thead><tr><th>{{t.ops_worker}}</th><th>{{t.ops_queues}}</th><th>{{t.ops_heartbeat}}</th></tr></thead><tbody>
        {{#workers}}<tr><td>{{id}} ({{host}}, pid {{pid}})</td><td>{{queues}}</td><td{{#stale}} class="breached"{{/stale}}>{{heartbeat}}</td></tr>{{/workers}}
        </tbody></table>{{/hasWorkers}}
        </section>
        {{> foot}}
        """
}
