/** Planning event handlers: the event generator's skeletons, and code the webhook generator adds to them. */
import {handlerPath, type EventName} from "../app-model/layout.js"
import {findHandler, type AppTree} from "./app-tree.js"
import {EventHandlerFile, type Insertion} from "./event-handler.js"
import {Plan} from "./plan.js"
import {formatTypeScript, resolveStyle, type Style} from "./style.js"
import {renderTemplate} from "./templates.js"

/** The event generator's change: the event's skeleton, unless the app has that event already. */
export async function planEvent(tree: AppTree, name: EventName): Promise<Plan> {
    const plan = new Plan(tree)
    const existing = findHandler(tree, "event", name)
    if (existing) {
        plan.notes.push(`${existing} exists; nothing changed.`)
        return plan
    }
    const relPath = handlerPath("event", name, tree.layout)
    plan.writeFile(relPath, await eventSkeleton(name, await resolveStyle(plan, relPath)))
    plan.validate()
    return plan
}

/**
 * Makes sure the event handler contains some code: unless `present` says why the file needs none (a note for the
 * user), the insertion goes into the existing file, or into a new one made from the skeleton.
 */
export async function ensureEventCode(
    plan: Plan,
    name: EventName,
    code: {insertion: Insertion; present?: (file: EventHandlerFile) => string | undefined}
) {
    const existing = findHandler(plan.tree, "event", name)
    const relPath = existing ?? handlerPath("event", name, plan.tree.layout)
    const style = await resolveStyle(plan, relPath)
    const file = new EventHandlerFile(relPath, existing ? plan.read(existing)! : await eventSkeleton(name, style))
    const present = code.present?.(file)
    if (present !== undefined) {
        plan.notes.push(`${relPath} ${present}; left as it is.`)
        return
    }
    const content = await file.insert(code.insertion, style)
    if (existing) plan.updateFile(relPath, content)
    else plan.writeFile(relPath, content)
}

function eventSkeleton(name: EventName, style: Style): Promise<string> {
    return formatTypeScript(renderTemplate(`event/${name}.ts.ejs`, {}), style)
}
