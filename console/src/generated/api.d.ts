/**
 * The API's types, generated from /openapi.json (shared/http/openapi.ts) by openapi-typescript.
 * Do not edit: run `npm run -s openapi:types` after changing a route, a contract or a schema;
 * a unit test (test/unit/client-types.test.ts) fails while this file is stale.
 */

export interface paths {
    "/admin/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your events
         * @description Organiser lists their organisation's events. Signed in: organiser accounts only; door accounts get 403.
         */
        get: operations["list-events"];
        put?: never;
        /**
         * Create an event
         * @description Organiser creates an event (and schedules its reminders). Signed in: organiser accounts only; door accounts get 403.
         */
        post: operations["create-event"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/door-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Events for the door (organisers and door staff)
         * @description Door staff see which events of their organisation they can open the door of. Signed in: organiser and door accounts.
         */
        get: operations["door-events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/events/{eventId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an event with counts
         * @description Organiser reads one event with its counts. Signed in: organiser accounts only; door accounts get 403.
         */
        get: operations["get-event"];
        put?: never;
        post?: never;
        /**
         * Delete an event that is over
         * @description Organiser deletes an event that is over; a job erases its registrations' personal data. Signed in: organiser accounts only; door accounts get 403.
         */
        delete: operations["delete-event"];
        options?: never;
        head?: never;
        /**
         * Change an event
         * @description Organiser changes an event; more capacity promotes from the waitlist. Signed in: organiser accounts only; door accounts get 403.
         */
        patch: operations["update-event"];
        trace?: never;
    };
    "/admin/events/{eventId}/registrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List registrations (JSON or CSV)
         * @description Organiser lists or exports (CSV) the registrations of an event. Signed in: organiser accounts only; door accounts get 403.
         */
        get: operations["list-registrations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/events/{eventId}/needs-summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Needs summary (catering, accessibility)
         * @description Organiser reads the needs of the people with a seat for the caterer and the venue, without names unless asked (and then logged). Signed in: organiser accounts only; door accounts get 403.
         */
        get: operations["needs-summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/events/{eventId}/reach": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Reach report (JSON or CSV)
         * @description Organiser sees whom the event reached: counts only, every one below 5 shown as "< 5". Signed in: organiser accounts only; door accounts get 403.
         */
        get: operations["reach-report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/events/{eventId}/door-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Door list (organisers and door staff)
         * @description Door staff see who may come in: name, check-in code, status and check-in time, nothing more. Signed in: organiser and door accounts.
         */
        get: operations["door-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events/{eventId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Public event details
         * @description Anyone reads what a participant may see of an event. Public.
         */
        get: operations["get-public-event"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events/{eventId}/registrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register for an event
         * @description Anyone registers for an event (JSON or the hosted form). Public.
         */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events/{eventId}/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Hosted registration form (HTML)
         * @description The hosted, accessible registration form. Public.
         */
        get: operations["registration-form"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events/{eventId}/privacy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Privacy statement of an event (HTML)
         * @description The privacy statement of an event, linked from its form and every mail. Public.
         */
        get: operations["privacy-page"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * OpenAPI document
         * @description The OpenAPI 3.1 document of this API. Public.
         */
        get: operations["openapi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/events/{eventId}/registrations/{registrationId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a registration for a participant
         * @description Organiser cancels on a participant's behalf; the seat goes to the waitlist. Signed in: organiser accounts only; door accounts get 403.
         */
        post: operations["admin-cancel-registration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/events/{eventId}/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Reminders of an event
         * @description Organiser sees the event's reminders: when, state, mails sent. Signed in: organiser accounts only; door accounts get 403.
         */
        get: operations["list-reminders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/events/{eventId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an event
         * @description Organiser calls the event off: registration closes, reminders stop, registrants are told. Signed in: organiser accounts only; door accounts get 403.
         */
        post: operations["cancel-event"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/events/{eventId}/registrations/{registrationId}/check-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a participant in
         * @description Organiser checks a participant in at the door. Signed in: organiser and door accounts.
         */
        post: operations["check-in"];
        /**
         * Undo a check-in
         * @description Organiser undoes a check-in. Signed in: organiser and door accounts.
         */
        delete: operations["undo-check-in"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/events/{eventId}/check-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check in by code
         * @description Organiser checks a participant in with the code from their confirmation mail. Signed in: organiser and door accounts.
         */
        post: operations["check-in-by-code"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/events/{eventId}/certificates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Certificate mailing status
         * @description Organiser sees how far certificate mailing is. Signed in: organiser accounts only; door accounts get 403.
         */
        get: operations["certificate-status"];
        put?: never;
        /**
         * Mail certificates
         * @description Organiser starts mailing certificates of attendance after the event. Signed in: organiser accounts only; door accounts get 403.
         */
        post: operations["request-certificates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/events/{eventId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Messages of an event
         * @description Organiser sees the event's messages and how many of their mails were sent, are pending, failed or were withheld. Signed in: organiser accounts only; door accounts get 403.
         */
        get: operations["list-messages"];
        put?: never;
        /**
         * Message participants
         * @description Organiser sends a message to an audience of the event, once per person (Idempotency-Key). Signed in: organiser accounts only; door accounts get 403.
         */
        post: operations["send-message"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/certificates/{certificateNumber}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify a certificate
         * @description Anyone checks a certificate by its number. Public.
         */
        get: operations["verify-certificate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registrations/{registrationId}/certificate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your certificate (PDF)
         * @description A participant downloads their certificate again, with the token from their mail. Public.
         */
        get: operations["download-certificate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/events/{eventId}/failed-mail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Mail that could not be delivered
         * @description Organiser sees mails that could not be delivered after every retry. Signed in: organiser accounts only; door accounts get 403.
         */
        get: operations["list-failed-mail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registrations/{registrationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your registration (personal link)
         * @description A participant's personal page (HTML or JSON), opened with the token from their mail. Public.
         */
        get: operations["registration-status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registrations/{registrationId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel your registration
         * @description A participant cancels with the token from their mail; the seat goes to the waitlist. Public.
         */
        post: operations["cancel-registration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registrations/{registrationId}/network": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Show me on the participant list, or not
         * @description A participant chooses, with the token from their mail, whether the other participants see their name, organisation and role. Public.
         */
        post: operations["network-consent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registrations/{registrationId}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm your address
         * @description A participant confirms their address with the button from the confirmation request; their mail follows. Public.
         */
        post: operations["confirm-registration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/events/{eventId}/registrations/{registrationId}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm a pending registration
         * @description Organiser confirms a pending registration on the participant's behalf. Signed in: organiser accounts only; door accounts get 403.
         */
        post: operations["admin-confirm-registration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/events/{eventId}/registrations/{registrationId}/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Correct a participant's email address
         * @description Organiser corrects a participant's address; the undeliverable mark goes and their latest mail is sent again. Signed in: organiser accounts only; door accounts get 403.
         */
        put: operations["correct-address"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registrations/{registrationId}/data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download your data (JSON)
         * @description A participant downloads everything stored about them for the event, with the token from their mail. Public.
         */
        get: operations["download-my-data"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registrations/{registrationId}/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delete your data
         * @description A participant has their data erased with the token from their mail; a held seat goes to the waitlist. Public.
         */
        post: operations["erase-registration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/events/{eventId}/registrations/{registrationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Erase a participant's data
         * @description Organiser erases a participant's data at their request; a held seat goes to the waitlist. Signed in: organiser accounts only; door accounts get 403.
         */
        delete: operations["admin-erase-registration"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details. `type` is stable (`urn:event-registration:problem:<slug>`); validation failures list each field in `errors`. A 5xx never carries internal details. */
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            instance?: string;
            errors?: {
                field: string;
                message: string;
            }[];
        };
        /** @description API Gateway's own answer, given before any function runs: the JWT authorizer's `Unauthorized`, throttling's `Too Many Requests`, an unknown route's `Not Found`, a body over 10 MB, or an integration that crashed. */
        GatewayMessage: {
            message: string;
        };
        CreateEvent: {
            title: string;
            description?: string;
            /** Format: date-time */
            startsAt: string;
            /** Format: date-time */
            endsAt: string;
            /** @default Europe/Amsterdam */
            timeZone?: string;
            venue: {
                name: string;
                address?: string;
                /** Format: uri */
                onlineUrl?: string;
            };
            capacity: number;
            /** @default true */
            waitlistEnabled?: boolean;
            /** Format: date-time */
            registrationOpensAt?: string;
            /** Format: date-time */
            registrationClosesAt?: string;
            /**
             * @default nl
             * @enum {string}
             */
            language?: "nl" | "en";
            /** @default [] */
            programme?: {
                /** Format: date-time */
                startsAt: string;
                title: string;
                speaker?: string;
            }[];
            /** @default PT0S */
            promotionCutoff?: string;
            /**
             * @default [
             *       "P7D",
             *       "P1D"
             *     ]
             */
            reminders?: string[];
            certificate?: {
                enabled?: boolean;
                hours?: number;
                organiserName?: string;
                signatoryName?: string;
                signatoryTitle?: string;
                description?: string;
            };
            /**
             * @default required
             * @enum {string}
             */
            emailConfirmation?: "required" | "off";
            /** @default P1Y */
            retention?: string;
            /** @default P14D */
            needsRetention?: string;
            /** @default [] */
            questions?: components["schemas"]["Question"][];
            controller?: {
                name: string;
                contact: string;
            };
            /** @default PT2H */
            confirmationWindow?: string;
        };
        Question: {
            id: string;
            /** @enum {string} */
            type: "text" | "longText" | "choice" | "multiChoice" | "yesNo";
            /** @default false */
            required?: boolean;
            hidden?: boolean;
            label: {
                nl?: string;
                en?: string;
            };
            help?: {
                nl?: string;
                en?: string;
            };
            options?: {
                id: string;
                label: {
                    nl?: string;
                    en?: string;
                };
            }[];
        };
        /** @description An event as its organiser sees it: every setting, and the counts of confirmed, waitlisted and cancelled registrations. Times are UTC instants; `timeZone` is the event's own. */
        AdminEvent: {
            id: string;
            organisationId: string;
            title: string;
            description?: string;
            startsAt: components["schemas"]["Instant"];
            endsAt: components["schemas"]["Instant"];
            timeZone: string;
            venue: components["schemas"]["Venue"];
            capacity: number;
            waitlistEnabled: boolean;
            registrationOpensAt?: components["schemas"]["Instant"];
            registrationClosesAt: components["schemas"]["Instant"];
            /** @enum {string} */
            language: "nl" | "en";
            programme: components["schemas"]["ProgrammeItem"][];
            promotionCutoff: string;
            reminders: string[];
            certificate: components["schemas"]["CertificateSettings"];
            /**
             * @description `required`: a registration holds its place until the person confirms their address from a mail; `off`: registered at once.
             * @enum {string}
             */
            emailConfirmation: "required" | "off";
            /** @description How long an unconfirmed registration holds its seat or waitlist place (ISO 8601 duration). */
            confirmationWindow: string;
            /** @description How long after the event's end registrations are deleted (ISO 8601 duration, at most P2Y). */
            retention: string;
            /** @description How long after the event's end accessibility and dietary needs are deleted (ISO 8601 duration, at most `retention`). */
            needsRetention: string;
            questions: components["schemas"]["EventQuestion"][];
            /** @description Who is responsible for the participants' data, as the privacy page names them. */
            controller?: {
                name: string;
                contact: string;
            };
            createdAt: components["schemas"]["Instant"];
            updatedAt: components["schemas"]["Instant"];
            cancelledAt?: components["schemas"]["Instant"];
            counts: {
                /** @description Seats held, including those of people who have not confirmed their address yet (see `pending`). */
                confirmed: number;
                /** @description People waiting, including those who have not confirmed their address yet. */
                waitlisted: number;
                cancelled: number;
                /** @description Registrations holding a seat or waitlist place whose address is not confirmed yet. */
                pending: number;
                /** @description Mails by what became of them: delivered, bounced for good, marked as spam, or not sent because the address bounced or complained before. */
                mail: {
                    delivered: number;
                    bounced: number;
                    complained: number;
                    suppressed: number;
                };
            };
        };
        /**
         * Format: date-time
         * @description An ISO 8601 date-time with its offset (`Z` for UTC).
         */
        Instant: string;
        /** @description Where the event takes place: a place, an online URL, or both. */
        Venue: {
            name: string;
            address?: string;
            onlineUrl?: string;
        };
        /** @description One item of the programme. */
        ProgrammeItem: {
            startsAt: components["schemas"]["Instant"];
            title: string;
            speaker?: string;
        };
        /** @description What the certificate of attendance says; `enabled` decides whether there is one. */
        CertificateSettings: {
            enabled: boolean;
            hours?: number;
            organiserName?: string;
            signatoryName?: string;
            signatoryTitle?: string;
            description?: string;
        };
        /** @description One of the organiser's questions on the form; `hidden` ones are no longer asked, their answers kept. */
        EventQuestion: {
            id: string;
            /** @enum {string} */
            type: "text" | "longText" | "choice" | "multiChoice" | "yesNo";
            required: boolean;
            hidden?: boolean;
            label: {
                nl?: string;
                en?: string;
            };
            help?: {
                nl?: string;
                en?: string;
            };
            options?: {
                id: string;
                label: {
                    nl?: string;
                    en?: string;
                };
            }[];
        };
        /** @description The caller's organisation's events. */
        AdminEventList: {
            items: components["schemas"]["AdminEvent"][];
        };
        /** @description The organisation's events that have not ended (or ended today), soonest first. */
        DoorEventList: {
            items: components["schemas"]["DoorEvent"][];
        };
        /** @description An event as door staff need it to find their door: no settings, no counts. */
        DoorEvent: {
            id: string;
            title: string;
            startsAt: components["schemas"]["Instant"];
            endsAt: components["schemas"]["Instant"];
            timeZone: string;
            venue: components["schemas"]["Venue"];
        };
        /** @description Every registration of the event, oldest first. */
        RegistrationList: {
            items: components["schemas"]["RegistrationListItem"][];
        };
        /** @description One registration as the organiser sees it (the CSV export has the same columns). */
        RegistrationListItem: {
            registrationId: string;
            name: string;
            email: string;
            organisation?: string;
            role?: string;
            /** @enum {string} */
            language: "nl" | "en";
            /**
             * @description `pending`: holds a seat or waitlist place until the person confirms their address (see `confirmBy`).
             * @enum {string}
             */
            status: "pending" | "confirmed" | "waitlisted" | "cancelled";
            waitlistPosition?: number;
            /** @description A pending registration: when its hold lapses unless the address is confirmed. */
            confirmBy?: components["schemas"]["Instant"];
            createdAt: components["schemas"]["Instant"];
            checkedInAt?: components["schemas"]["Instant"];
            /**
             * @description What became of the latest mail to this person: delivered, bounced for good, marked as spam, or not sent (the address bounced or complained before).
             * @enum {string}
             */
            mailStatus?: "delivered" | "bounced" | "complained" | "suppressed";
            /** @description Answers to the event's questions by question id: text, an option id, option ids, or yes/no. */
            answers?: {
                [key: string]: string | string[] | boolean;
            };
            /** @description The person had their data erased: name and address are empty, the record only keeps the counts right. */
            erasedAt?: components["schemas"]["Instant"];
            /**
             * @description Mail to this address bounced for good or was marked as spam: later mails are not sent. Contact the person another way, or correct the address.
             * @enum {string}
             */
            addressUndeliverable?: "bounced" | "complained";
            accessibilityNeeds?: string;
            dietaryNeeds?: string;
        };
        /** @description What the caterer and the venue need: the dietary needs of the people with a seat, grouped (case and spacing aside) and counted, and their accessibility needs; names only with `?names=true`. */
        NeedsSummary: {
            seated: number;
            dietary: {
                need: string;
                count: number;
                names?: string[];
            }[];
            accessibility: {
                need: string;
                name?: string;
            }[];
        };
        /** @description Whom the event reached: people with a seat or a waitlist place, how many came, cancelled, were new to this organiser or came back (matched on the address within the organisation, never stored), the answers to every choice question, and registrations per day. Every count below 5 is "< 5", so nobody can be singled out. */
        ReachReport: {
            registered: number | "< 5";
            attended: number | "< 5";
            cancelled: number | "< 5";
            firstTime: number | "< 5";
            returning: number | "< 5";
            questions: {
                id: string;
                label: string;
                options: {
                    id: string;
                    label: string;
                    count: number | "< 5";
                }[];
            }[];
            perDay: {
                date: string;
                count: number | "< 5";
            }[];
        };
        /** @description Everyone with a seat, by name. */
        DoorList: {
            items: components["schemas"]["DoorListItem"][];
        };
        /** @description What door staff see of a person with a seat: enough to recognise and check them in, nothing more. */
        DoorListItem: {
            registrationId: string;
            name: string;
            checkInCode: string;
            /**
             * @description `pending`: holds a seat or waitlist place until the person confirms their address (see `confirmBy`).
             * @enum {string}
             */
            status: "pending" | "confirmed" | "waitlisted" | "cancelled";
            checkedInAt?: components["schemas"]["Instant"];
        };
        /** @description What anyone may see of an event: no personal data, no organisation internals. `cancelled` is present (true) only for a cancelled event. */
        PublicEvent: {
            id: string;
            title: string;
            description?: string;
            startsAt: components["schemas"]["Instant"];
            endsAt: components["schemas"]["Instant"];
            timeZone: string;
            venue: components["schemas"]["Venue"];
            programme: components["schemas"]["ProgrammeItem"][];
            /** @enum {string} */
            language: "nl" | "en";
            cancelled?: boolean;
            capacity: number;
            seatsAvailable: number;
            waitlistOpen: boolean;
            registrationOpen: boolean;
            /** @description A registration is held until the person confirms their address from a mail. */
            addressConfirmationRequired: boolean;
            /** @description The questions the form asks, in order. */
            questions: components["schemas"]["EventQuestion"][];
        };
        Registration: {
            name: string;
            email: string;
            organisation?: string;
            role?: string;
            /** @enum {string} */
            language?: "nl" | "en";
            accessibilityNeeds?: string;
            dietaryNeeds?: string;
            /** @constant */
            consent: true;
            /** @constant */
            needsConsent?: true;
            /** @constant */
            networkConsent?: true;
            answers?: {
                [key: string]: string | string[] | boolean;
            };
        };
        /** @description The fields of the hosted form, as strings; an empty field counts as absent, a ticked consent box is `on`. A mistake re-renders the form (400). */
        RegistrationForm: {
            name: string;
            email: string;
            organisation?: string;
            role?: string;
            language?: string;
            accessibilityNeeds?: string;
            dietaryNeeds?: string;
            /** @enum {string} */
            consent: "on" | "true";
            /** @enum {string} */
            needsConsent?: "on" | "true";
            /** @enum {string} */
            networkConsent?: "on" | "true";
            /** @description Left empty by people; a bot that fills it in is told its post was received, and nothing is stored. */
            website?: string;
        } & {
            [key: string]: string;
        };
        /** @description A registration: a seat (`confirmed`), or a place on the waitlist with its position. */
        RegistrationOutcome: {
            registrationId: string;
            /** @enum {string} */
            status: "confirmed" | "waitlisted";
            waitlistPosition?: number;
        };
        /** @description Received: a mail to the address asks its owner to confirm (new registrations), or reminds them of their registration (an address already registered). The answer is the same either way, so it tells nobody whether someone registered. */
        RegistrationPending: {
            /** @constant */
            status: "pending";
        };
        /** @description This document. */
        OpenApiDocument: {
            openapi: string;
            info: {
                title: string;
                version: string;
            } & {
                [key: string]: unknown;
            };
            paths: {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        UpdateEvent: {
            title?: string;
            description?: string;
            /** Format: date-time */
            startsAt?: string;
            /** Format: date-time */
            endsAt?: string;
            timeZone?: string;
            venue?: {
                name: string;
                address?: string;
                /** Format: uri */
                onlineUrl?: string;
            };
            capacity?: number;
            waitlistEnabled?: boolean;
            registrationOpensAt?: string | null;
            /** Format: date-time */
            registrationClosesAt?: string;
            /** @enum {string} */
            language?: "nl" | "en";
            programme?: {
                /** Format: date-time */
                startsAt: string;
                title: string;
                speaker?: string;
            }[];
            promotionCutoff?: string;
            reminders?: string[];
            certificate?: {
                enabled?: boolean;
                hours?: number;
                organiserName?: string;
                signatoryName?: string;
                signatoryTitle?: string;
                description?: string;
            };
            /** @enum {string} */
            emailConfirmation?: "required" | "off";
            retention?: string;
            needsRetention?: string;
            questions?: components["schemas"]["Question"][];
            controller?: {
                name: string;
                contact: string;
            } | null;
            confirmationWindow?: string;
        };
        /** @description The event is deleted; its registrations' personal data is being erased. */
        EventDeletion: {
            /** @constant */
            status: "deleted";
        };
        /** @description The registration is cancelled (cancelling twice answers the same). */
        Cancellation: {
            /** @constant */
            status: "cancelled";
        };
        /** @description The event's reminders, earliest first. */
        ReminderList: {
            items: components["schemas"]["Reminder"][];
        };
        /** @description A reminder of the event: when it is due (UTC and in the event's time zone), its state and how many mails it sent. */
        Reminder: {
            offset?: string;
            dueAt: components["schemas"]["Instant"];
            dueAtLocal: components["schemas"]["Instant"];
            timeZone: string;
            /** @enum {string} */
            state: "scheduled" | "sending" | "sent" | "skipped";
            sent: number;
        };
        CheckInAt: {
            /** Format: date-time */
            at?: string;
        };
        /** @description The registration after checking in or out; `checkedInAt` is absent when not checked in. Checking in twice keeps the first time. */
        CheckIn: {
            registrationId: string;
            name: string;
            /**
             * @description `pending`: holds a seat or waitlist place until the person confirms their address (see `confirmBy`).
             * @enum {string}
             */
            status: "pending" | "confirmed" | "waitlisted" | "cancelled";
            checkedInAt?: components["schemas"]["Instant"];
        };
        CheckInByCode: {
            code: string;
            /** Format: date-time */
            at?: string;
        };
        RequestCertificates: {
            /**
             * @default attended
             * @enum {string}
             */
            include?: "attended" | "confirmed";
            /** @default false */
            resend?: boolean;
            registrationIds?: string[];
        };
        /** @description How many certificates this request will mail. */
        CertificatesRequested: {
            total: number;
        };
        /** @description How far certificate mailing is: issued in total, and of those sent, failed and pending. */
        CertificateStatus: {
            total: number;
            sent: number;
            failed: number;
            pending: number;
        };
        SendMessage: {
            /** @description The subject in Dutch (`nl`), English (`en`) or both; one line, at most 200 characters. */
            subject: {
                nl?: string;
                en?: string;
            };
            /** @description The text in the same languages as the subject: plain text, at most 10000 characters; a blank line starts a paragraph and http(s) URLs become links, nothing else is interpreted. */
            body: {
                nl?: string;
                en?: string;
            };
            /**
             * @description `confirmed`: seat holders (not `pending`); `waitlisted`: on the waitlist; `attended`: checked in; `all`: every registration not cancelled.
             * @enum {string}
             */
            audience: "confirmed" | "waitlisted" | "attended" | "all";
        };
        /** @description A message to participants, as scheduled. */
        Message: {
            /** @description The message id: `message-` and a digest of the Idempotency-Key, or a new id without one. */
            id: string;
            subject: {
                nl?: string;
                en?: string;
            };
            /** @enum {string} */
            audience: "confirmed" | "waitlisted" | "attended" | "all";
            /** Format: date-time */
            createdAt: string;
        };
        /** @description The event's messages, newest first. */
        MessageList: {
            items: components["schemas"]["MessageStatus"][];
        };
        /** @description A message to participants and what became of its mails. */
        MessageStatus: {
            /** @description The message id: `message-` and a digest of the Idempotency-Key, or a new id without one. */
            id: string;
            subject: {
                nl?: string;
                en?: string;
            };
            /** @enum {string} */
            audience: "confirmed" | "waitlisted" | "attended" | "all";
            /** Format: date-time */
            createdAt: string;
            /**
             * @description `scheduled` until the sweep (within a minute) writes its mails, `sent` once every mail is written; each mail then goes out at the mail rate.
             * @enum {string}
             */
            state: "scheduled" | "sending" | "sent" | "skipped";
            /** @description Its mails: one per recipient; sent, still to send or being retried (`pending`), given up after every retry (`failed`, see failed-mail), and withheld (`suppressed`: the address bounced, complained or is unconfirmed, or the registration is gone). */
            counts: {
                recipients: number;
                sent: number;
                pending: number;
                failed: number;
                suppressed: number;
            };
        };
        /** @description A real certificate: what is on it, nothing more. */
        CertificateVerification: {
            /** @constant */
            valid: true;
            certificateNumber: string;
            holderName: string;
            eventTitle: string;
            /** Format: date */
            eventDate: string;
            issuedAt: components["schemas"]["Instant"];
        };
        /** @description The event's undeliverable mail. */
        ParkedMailList: {
            items: components["schemas"]["ParkedMail"][];
        };
        /** @description A mail given up on after every retry, with the last error, so the organiser can reach the person another way. */
        ParkedMail: {
            mailId: string;
            /** @enum {string} */
            kind: "registration-confirmed" | "registration-waitlisted" | "registration-cancelled" | "registration-promoted" | "reminder" | "event-moved" | "event-cancelled" | "certificate" | "confirm-address" | "already-registered" | "message";
            registrationId: string;
            attempts: number;
            lastError?: string;
            createdAt: components["schemas"]["Instant"];
        };
        /** @description What the personal link shows a participant: the status and, on the waitlist, the position; of others only the participant list they chose to be on. */
        ParticipantRegistration: {
            registrationId: string;
            eventId: string;
            /**
             * @description `pending`: holds a seat or waitlist place until the person confirms their address (see `confirmBy`).
             * @enum {string}
             */
            status: "pending" | "confirmed" | "waitlisted" | "cancelled";
            waitlistPosition?: number;
            /** @description Confirmed participants only, from `opensAt` (the registration deadline) on: the other participants with a seat who chose to be on the list, by name. */
            network?: {
                opensAt: components["schemas"]["Instant"];
                people: {
                    name: string;
                    organisation?: string;
                    role?: string;
                }[];
            };
        };
        CancelRegistration: {
            token: string;
            /** @enum {string} */
            language?: "nl" | "en";
        };
        /** @description The personal page’s switch for the participant list. A body without a valid token and `show` is answered 404, like a wrong token. */
        NetworkConsentChange: {
            token: string;
            /**
             * @description `on`: show my name, organisation and role to the other participants; `off`: no longer.
             * @enum {string}
             */
            show: "on" | "off";
            /** @enum {string} */
            language?: "nl" | "en";
        };
        /** @description Whether the participant is now on the event’s participant list (shown to the other confirmed participants from the registration deadline). */
        NetworkConsent: {
            show: boolean;
        };
        ConfirmRegistration: {
            token: string;
            /** @enum {string} */
            language?: "nl" | "en";
        };
        /** @description The address is confirmed (confirming twice answers the same); the registration holds a seat or a waitlist place, and its confirmation or waitlist mail follows. */
        AddressConfirmation: {
            registrationId: string;
            /** @enum {string} */
            status: "confirmed" | "waitlisted";
        };
        CorrectAddress: {
            email: string;
        };
        /** @description Everything stored about the person for this event: the registration's fields (needs while they are kept), the mails sent with their subjects and times, the check-in and the certificate number. */
        PersonalData: {
            event: {
                id: string;
                title: string;
                startsAt: components["schemas"]["Instant"];
                endsAt: components["schemas"]["Instant"];
            };
            registration: {
                [key: string]: unknown;
            };
            mails: {
                /** @enum {string} */
                kind: "registration-confirmed" | "registration-waitlisted" | "registration-cancelled" | "registration-promoted" | "reminder" | "event-moved" | "event-cancelled" | "certificate" | "confirm-address" | "already-registered" | "message";
                subject: string;
                sentAt: components["schemas"]["Instant"];
            }[];
            checkedInAt: components["schemas"]["Instant"] | null;
            certificateNumber: string | null;
        };
        EraseRegistration: {
            token: string;
            /** @enum {string} */
            language?: "nl" | "en";
        };
        /** @description The person's data is erased (erasing twice answers the same); a held place went to the next person as with a cancellation. */
        Erasure: {
            /** @constant */
            status: "erased";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "list-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organisation's events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminEventList"];
                };
            };
            /** @description No valid ID token: API Gateway's JWT authorizer answers `{"message":"Unauthorized"}`; a token without an organisation is an `unauthorized` problem. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unauthorized";
                        /** @constant */
                        status: 401;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The account's role may not use this route (organiser accounts only; door accounts get 403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:forbidden";
                        /** @constant */
                        status: 403;
                    };
                };
            };
            /** @description API Gateway throttles this route at the stage's default rate. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "create-event": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description At most 64 KB. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateEvent"];
            };
        };
        responses: {
            /** @description The event as created, with its defaults filled in. */
            201: {
                headers: {
                    /** @description The event's URL: `/admin/events/{eventId}`. */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminEvent"];
                };
            };
            /** @description The body is not valid: per-field `errors` for invalid or unknown fields (`validation-failed`), or unreadable (`malformed-body`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:validation-failed" | "urn:event-registration:problem:malformed-body";
                        /** @constant */
                        status: 400;
                    };
                };
            };
            /** @description No valid ID token: API Gateway's JWT authorizer answers `{"message":"Unauthorized"}`; a token without an organisation is an `unauthorized` problem. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unauthorized";
                        /** @constant */
                        status: 401;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The account's role may not use this route (organiser accounts only; door accounts get 403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:forbidden";
                        /** @constant */
                        status: 403;
                    };
                };
            };
            /** @description The body is larger than 64 KB (or than API Gateway's 10 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:payload-too-large";
                        /** @constant */
                        status: 413;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unsupported-media-type";
                        /** @constant */
                        status: 415;
                    };
                };
            };
            /** @description API Gateway throttles this route at the stage's default rate. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "door-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organisation's events whose door is open or still to come: title, times and place only. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DoorEventList"];
                };
            };
            /** @description No valid ID token: API Gateway's JWT authorizer answers `{"message":"Unauthorized"}`; a token without an organisation is an `unauthorized` problem. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unauthorized";
                        /** @constant */
                        status: 401;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The account's role may not use this route (organiser and door accounts). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:forbidden";
                        /** @constant */
                        status: 403;
                    };
                };
            };
            /** @description API Gateway throttles this route at the stage's default rate. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "get-event": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event's id. */
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event with its counts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminEvent"];
                };
            };
            /** @description No valid ID token: API Gateway's JWT authorizer answers `{"message":"Unauthorized"}`; a token without an organisation is an `unauthorized` problem. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unauthorized";
                        /** @constant */
                        status: 401;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The account's role may not use this route (organiser accounts only; door accounts get 403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:forbidden";
                        /** @constant */
                        status: 403;
                    };
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                    "text/html": string;
                };
            };
            /** @description API Gateway throttles this route at the stage's default rate. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "delete-event": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event's id. */
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event is deleted (or was already): it leaves every list and page, and within minutes every registration's personal data is erased; an anonymous record keeps the counts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventDeletion"];
                };
            };
            /** @description No valid ID token: API Gateway's JWT authorizer answers `{"message":"Unauthorized"}`; a token without an organisation is an `unauthorized` problem. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unauthorized";
                        /** @constant */
                        status: 401;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The account's role may not use this route (organiser accounts only; door accounts get 403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:forbidden";
                        /** @constant */
                        status: 403;
                    };
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                };
            };
            /** @description A conflict with the current state: `event-not-ended`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:event-not-ended";
                        /** @constant */
                        status: 409;
                    };
                };
            };
            /** @description API Gateway throttles this route at the stage's default rate. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "update-event": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event's id. */
                eventId: string;
            };
            cookie?: never;
        };
        /** @description At most 64 KB. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateEvent"];
            };
        };
        responses: {
            /** @description The event as changed. More capacity has promoted from the waitlist; a new time or place is mailed to everyone with a seat. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminEvent"];
                };
            };
            /** @description The body is not valid: per-field `errors` for invalid or unknown fields (`validation-failed`), or unreadable (`malformed-body`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:validation-failed" | "urn:event-registration:problem:malformed-body";
                        /** @constant */
                        status: 400;
                    };
                };
            };
            /** @description No valid ID token: API Gateway's JWT authorizer answers `{"message":"Unauthorized"}`; a token without an organisation is an `unauthorized` problem. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unauthorized";
                        /** @constant */
                        status: 401;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The account's role may not use this route (organiser accounts only; door accounts get 403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:forbidden";
                        /** @constant */
                        status: 403;
                    };
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                };
            };
            /** @description A conflict with the current state: `event-cancelled`, `capacity-below-confirmed`, `event-changed`, `question-answered`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:event-cancelled" | "urn:event-registration:problem:capacity-below-confirmed" | "urn:event-registration:problem:event-changed" | "urn:event-registration:problem:question-answered";
                        /** @constant */
                        status: 409;
                    };
                };
            };
            /** @description The body is larger than 64 KB (or than API Gateway's 10 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:payload-too-large";
                        /** @constant */
                        status: 413;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unsupported-media-type";
                        /** @constant */
                        status: 415;
                    };
                };
            };
            /** @description API Gateway throttles this route at the stage's default rate. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "list-registrations": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event's id. */
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every registration of the event, as JSON; with `Accept: text/csv`, as a CSV file with the same columns. */
            200: {
                headers: {
                    /** @description With the CSV: attachment; filename="registrations-<eventId>.csv" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationList"];
                    "text/csv": string;
                };
            };
            /** @description No valid ID token: API Gateway's JWT authorizer answers `{"message":"Unauthorized"}`; a token without an organisation is an `unauthorized` problem. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unauthorized";
                        /** @constant */
                        status: 401;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The account's role may not use this route (organiser accounts only; door accounts get 403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:forbidden";
                        /** @constant */
                        status: 403;
                    };
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                    "text/html": string;
                };
            };
            /** @description API Gateway throttles this route at the stage's default rate. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "needs-summary": {
        parameters: {
            query?: {
                /** @description With `true`, each need with the names of the people who have it. Such a read is logged as an access to special-category data. */
                names?: "true" | "false";
            };
            header?: never;
            path: {
                /** @description The event's id. */
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The needs of the people with a seat, for catering and the venue. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NeedsSummary"];
                };
            };
            /** @description No valid ID token: API Gateway's JWT authorizer answers `{"message":"Unauthorized"}`; a token without an organisation is an `unauthorized` problem. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unauthorized";
                        /** @constant */
                        status: 401;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The account's role may not use this route (organiser accounts only; door accounts get 403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:forbidden";
                        /** @constant */
                        status: 403;
                    };
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                    "text/html": string;
                };
            };
            /** @description API Gateway throttles this route at the stage's default rate. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "reach-report": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event's id. */
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The reach report as JSON; with `Accept: text/csv`, as rows of section, item and count. */
            200: {
                headers: {
                    /** @description With the CSV: attachment; filename="reach-<eventId>.csv" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReachReport"];
                    "text/csv": string;
                };
            };
            /** @description No valid ID token: API Gateway's JWT authorizer answers `{"message":"Unauthorized"}`; a token without an organisation is an `unauthorized` problem. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unauthorized";
                        /** @constant */
                        status: 401;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The account's role may not use this route (organiser accounts only; door accounts get 403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:forbidden";
                        /** @constant */
                        status: 403;
                    };
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                    "text/html": string;
                };
            };
            /** @description API Gateway throttles this route at the stage's default rate. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "door-list": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event's id. */
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Everyone with a seat, by name, with their check-in code and time. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DoorList"];
                };
            };
            /** @description No valid ID token: API Gateway's JWT authorizer answers `{"message":"Unauthorized"}`; a token without an organisation is an `unauthorized` problem. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unauthorized";
                        /** @constant */
                        status: 401;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The account's role may not use this route (organiser and door accounts). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:forbidden";
                        /** @constant */
                        status: 403;
                    };
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                    "text/html": string;
                };
            };
            /** @description API Gateway throttles this route at the stage's default rate. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "get-public-event": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event's id. */
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What a participant may see of the event, and whether registration is open. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicEvent"];
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                    "text/html": string;
                };
            };
            /** @description API Gateway throttles this route at 200 requests per second (bursts of 400). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    register: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the registration safe to retry for 24 hours: a request that timed out or was answered `503` (with `Retry-After`) may be sent again with the same key and the same body, and is answered as the first one was (`201` or `202`, the same `registrationId`, its status now), never `409 already-registered`; nothing is written or mailed twice. Without the header a JSON request with exactly the same body is treated the same way for 10 minutes. The same key with another body is not a retry (an address registered already is then `409 already-registered`). The key is matched only against the registration of the address in the body. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The event's id. */
                eventId: string;
            };
            cookie?: never;
        };
        /** @description At most 16 KB. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["Registration"];
                "application/x-www-form-urlencoded": components["schemas"]["RegistrationForm"];
            };
        };
        responses: {
            /** @description Registered (events without address confirmation): a seat, or a place on the waitlist. A confirmation or waitlist mail follows. A retry of a request that registered (after a timeout or a `503`: try again after `Retry-After` seconds, with the same body and `Idempotency-Key`) gets this answer again, with the same `registrationId`. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationOutcome"];
                };
            };
            /** @description Events with address confirmation (`emailConfirmation: required`): received. A mail asks the address’s owner to confirm; the seat or waitlist place is held until `confirmationWindow` has passed. An address that is registered already gets the same answer, and a mail with its personal link instead. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationPending"];
                };
            };
            /** @description The hosted form was posted and accepted: on to its result page. */
            303: {
                headers: {
                    /** @description The result page: `/events/{eventId}/register?lang=…&status=confirmed|waitlisted|pending|received[&position=…]`. */
                    Location: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A hosted-form post with mistakes: the form again, with what was typed and an error at each field. The body is not valid: per-field `errors` for invalid or unknown fields (`validation-failed`), or unreadable (`malformed-body`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:validation-failed" | "urn:event-registration:problem:malformed-body";
                        /** @constant */
                        status: 400;
                    };
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                };
            };
            /** @description A hosted-form post that cannot be registered (already registered, closed, full): the form again with the reason. A conflict with the current state: `already-registered`, `registration-closed`, `event-full`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:already-registered" | "urn:event-registration:problem:registration-closed" | "urn:event-registration:problem:event-full";
                        /** @constant */
                        status: 409;
                    };
                };
            };
            /** @description The body is larger than 16 KB (or than API Gateway's 10 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:payload-too-large";
                        /** @constant */
                        status: 413;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The body is not `application/json` or `application/x-www-form-urlencoded`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unsupported-media-type";
                        /** @constant */
                        status: 415;
                    };
                };
            };
            /** @description API Gateway throttles this route at 400 requests per second (bursts of 800). Each client address may also make at most 300 public writes per 5 minutes; over that it gets the `too-many-requests` problem with `Retry-After` (deployed: as `application/json`, which is all AWS WAF can send). */
            429: {
                headers: {
                    /** @description With the per-client limit: seconds until this address may write again (API Gateway's own throttling sends none). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:too-many-requests";
                        /** @constant */
                        status: 429;
                    };
                    "application/json": components["schemas"]["GatewayMessage"] | components["schemas"]["Problem"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "registration-form": {
        parameters: {
            query?: {
                /** @description The page language; else Accept-Language decides, else the event’s language. */
                lang?: "nl" | "en";
                /** @description Show the result of a post (the 303 after the form sets it). */
                status?: "confirmed" | "waitlisted" | "pending" | "received";
                /** @description With `status=waitlisted`: the waitlist position. */
                position?: string;
            };
            header?: {
                "Accept-Language"?: string;
            };
            path: {
                /** @description The event's id. */
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The hosted registration form (or its result page), in Dutch or English; it works without JavaScript. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                    "text/html": string;
                };
            };
            /** @description API Gateway throttles this route at 200 requests per second (bursts of 400). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "privacy-page": {
        parameters: {
            query?: {
                /** @description The page language; else Accept-Language decides, else the event’s language. */
                lang?: "nl" | "en";
            };
            header?: {
                "Accept-Language"?: string;
            };
            path: {
                /** @description The event's id. */
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event’s privacy statement, in Dutch or English: who is responsible, what is collected and why, until which dates it is kept, who sees it, where it is stored and how to use one’s rights. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                    "text/html": string;
                };
            };
            /** @description API Gateway throttles this route at 200 requests per second (bursts of 400). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    openapi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This OpenAPI 3.1 document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenApiDocument"];
                };
            };
            /** @description API Gateway throttles this route at 200 requests per second (bursts of 400). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
        };
    };
    "admin-cancel-registration": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event's id. */
                eventId: string;
                /** @description The registration's id. */
                registrationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancelled (or already cancelled); a freed seat goes to the first person on the waitlist. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cancellation"];
                };
            };
            /** @description No valid ID token: API Gateway's JWT authorizer answers `{"message":"Unauthorized"}`; a token without an organisation is an `unauthorized` problem. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unauthorized";
                        /** @constant */
                        status: 401;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The account's role may not use this route (organiser accounts only; door accounts get 403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:forbidden";
                        /** @constant */
                        status: 403;
                    };
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                };
            };
            /** @description API Gateway throttles this route at the stage's default rate. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "list-reminders": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event's id. */
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event's reminders: due time (UTC and event-local), state and mails sent. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderList"];
                };
            };
            /** @description No valid ID token: API Gateway's JWT authorizer answers `{"message":"Unauthorized"}`; a token without an organisation is an `unauthorized` problem. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unauthorized";
                        /** @constant */
                        status: 401;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The account's role may not use this route (organiser accounts only; door accounts get 403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:forbidden";
                        /** @constant */
                        status: 403;
                    };
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                    "text/html": string;
                };
            };
            /** @description API Gateway throttles this route at the stage's default rate. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "cancel-event": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event's id. */
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event, now cancelled (cancelling twice answers the same): registration is closed, no reminders follow, and every registrant is told. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminEvent"];
                };
            };
            /** @description No valid ID token: API Gateway's JWT authorizer answers `{"message":"Unauthorized"}`; a token without an organisation is an `unauthorized` problem. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unauthorized";
                        /** @constant */
                        status: 401;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The account's role may not use this route (organiser accounts only; door accounts get 403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:forbidden";
                        /** @constant */
                        status: 403;
                    };
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                };
            };
            /** @description API Gateway throttles this route at the stage's default rate. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "check-in": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event's id. */
                eventId: string;
                /** @description The registration's id. */
                registrationId: string;
            };
            cookie?: never;
        };
        /** @description At most 1 KB. May be empty: every field has a default. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CheckInAt"];
            };
        };
        responses: {
            /** @description Checked in (a second time keeps the first check-in time). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckIn"];
                };
            };
            /** @description The body is not valid: per-field `errors` for invalid or unknown fields (`validation-failed`), or unreadable (`malformed-body`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:validation-failed" | "urn:event-registration:problem:malformed-body";
                        /** @constant */
                        status: 400;
                    };
                };
            };
            /** @description No valid ID token: API Gateway's JWT authorizer answers `{"message":"Unauthorized"}`; a token without an organisation is an `unauthorized` problem. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unauthorized";
                        /** @constant */
                        status: 401;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The account's role may not use this route (organiser and door accounts). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:forbidden";
                        /** @constant */
                        status: 403;
                    };
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                };
            };
            /** @description A conflict with the current state: `not-confirmed`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-confirmed";
                        /** @constant */
                        status: 409;
                    };
                };
            };
            /** @description The body is larger than 1 KB (or than API Gateway's 10 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:payload-too-large";
                        /** @constant */
                        status: 413;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unsupported-media-type";
                        /** @constant */
                        status: 415;
                    };
                };
            };
            /** @description API Gateway throttles this route at the stage's default rate. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "undo-check-in": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event's id. */
                eventId: string;
                /** @description The registration's id. */
                registrationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No longer checked in. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckIn"];
                };
            };
            /** @description No valid ID token: API Gateway's JWT authorizer answers `{"message":"Unauthorized"}`; a token without an organisation is an `unauthorized` problem. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unauthorized";
                        /** @constant */
                        status: 401;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The account's role may not use this route (organiser and door accounts). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:forbidden";
                        /** @constant */
                        status: 403;
                    };
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                };
            };
            /** @description API Gateway throttles this route at the stage's default rate. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "check-in-by-code": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event's id. */
                eventId: string;
            };
            cookie?: never;
        };
        /** @description At most 1 KB. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckInByCode"];
            };
        };
        responses: {
            /** @description Checked in (a second time keeps the first check-in time). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckIn"];
                };
            };
            /** @description The body is not valid: per-field `errors` for invalid or unknown fields (`validation-failed`), or unreadable (`malformed-body`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:validation-failed" | "urn:event-registration:problem:malformed-body";
                        /** @constant */
                        status: 400;
                    };
                };
            };
            /** @description No valid ID token: API Gateway's JWT authorizer answers `{"message":"Unauthorized"}`; a token without an organisation is an `unauthorized` problem. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unauthorized";
                        /** @constant */
                        status: 401;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The account's role may not use this route (organiser and door accounts). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:forbidden";
                        /** @constant */
                        status: 403;
                    };
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                };
            };
            /** @description A conflict with the current state: `not-confirmed`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-confirmed";
                        /** @constant */
                        status: 409;
                    };
                };
            };
            /** @description The body is larger than 1 KB (or than API Gateway's 10 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:payload-too-large";
                        /** @constant */
                        status: 413;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unsupported-media-type";
                        /** @constant */
                        status: 415;
                    };
                };
            };
            /** @description API Gateway throttles this route at the stage's default rate. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "certificate-status": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event's id. */
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How far certificate mailing is. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificateStatus"];
                };
            };
            /** @description No valid ID token: API Gateway's JWT authorizer answers `{"message":"Unauthorized"}`; a token without an organisation is an `unauthorized` problem. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unauthorized";
                        /** @constant */
                        status: 401;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The account's role may not use this route (organiser accounts only; door accounts get 403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:forbidden";
                        /** @constant */
                        status: 403;
                    };
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                    "text/html": string;
                };
            };
            /** @description API Gateway throttles this route at the stage's default rate. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "request-certificates": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event's id. */
                eventId: string;
            };
            cookie?: never;
        };
        /** @description At most 64 KB. May be empty: every field has a default. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RequestCertificates"];
            };
        };
        responses: {
            /** @description Mailing has started: each eligible participant gets their certificate once (a resend mails the named registrations again). */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificatesRequested"];
                };
            };
            /** @description The body is not valid: per-field `errors` for invalid or unknown fields (`validation-failed`), or unreadable (`malformed-body`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:validation-failed" | "urn:event-registration:problem:malformed-body";
                        /** @constant */
                        status: 400;
                    };
                };
            };
            /** @description No valid ID token: API Gateway's JWT authorizer answers `{"message":"Unauthorized"}`; a token without an organisation is an `unauthorized` problem. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unauthorized";
                        /** @constant */
                        status: 401;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The account's role may not use this route (organiser accounts only; door accounts get 403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:forbidden";
                        /** @constant */
                        status: 403;
                    };
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                };
            };
            /** @description A conflict with the current state: `event-not-ended`, `certificates-disabled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:event-not-ended" | "urn:event-registration:problem:certificates-disabled";
                        /** @constant */
                        status: 409;
                    };
                };
            };
            /** @description The body is larger than 64 KB (or than API Gateway's 10 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:payload-too-large";
                        /** @constant */
                        status: 413;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unsupported-media-type";
                        /** @constant */
                        status: 415;
                    };
                };
            };
            /** @description API Gateway throttles this route at the stage's default rate. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "list-messages": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event's id. */
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event's messages, newest first, with their mails' counts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageList"];
                };
            };
            /** @description No valid ID token: API Gateway's JWT authorizer answers `{"message":"Unauthorized"}`; a token without an organisation is an `unauthorized` problem. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unauthorized";
                        /** @constant */
                        status: 401;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The account's role may not use this route (organiser accounts only; door accounts get 403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:forbidden";
                        /** @constant */
                        status: 403;
                    };
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                    "text/html": string;
                };
            };
            /** @description API Gateway throttles this route at the stage's default rate. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "send-message": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to repeat: the same key with the same message answers with the first request’s message and mails nobody again; with another message it is a 409. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The event's id. */
                eventId: string;
            };
            cookie?: never;
        };
        /** @description At most 256 KB. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendMessage"];
            };
        };
        responses: {
            /** @description The message is scheduled and goes out within a minute, at the mail rate, once to each person in the audience (in their language where both are given). A request repeated with the same Idempotency-Key and message answers the same, and sends nothing again. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description The body is not valid: per-field `errors` for invalid or unknown fields (`validation-failed`), or unreadable (`malformed-body`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:validation-failed" | "urn:event-registration:problem:malformed-body";
                        /** @constant */
                        status: 400;
                    };
                };
            };
            /** @description No valid ID token: API Gateway's JWT authorizer answers `{"message":"Unauthorized"}`; a token without an organisation is an `unauthorized` problem. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unauthorized";
                        /** @constant */
                        status: 401;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The account's role may not use this route (organiser accounts only; door accounts get 403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:forbidden";
                        /** @constant */
                        status: 403;
                    };
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                };
            };
            /** @description A conflict with the current state: `idempotency-key-reused`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:idempotency-key-reused";
                        /** @constant */
                        status: 409;
                    };
                };
            };
            /** @description The body is larger than 256 KB (or than API Gateway's 10 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:payload-too-large";
                        /** @constant */
                        status: 413;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unsupported-media-type";
                        /** @constant */
                        status: 415;
                    };
                };
            };
            /** @description API Gateway throttles this route at the stage's default rate. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "verify-certificate": {
        parameters: {
            query?: never;
            header?: {
                "Accept-Language"?: string;
            };
            path: {
                /** @description The certificate's number, `XXXXX-XXXXX` (any case). */
                certificateNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The certificate is real: what is on it, as JSON, or with `Accept: text/html` as a page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificateVerification"];
                    "text/html": string;
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                    "text/html": string;
                };
            };
            /** @description API Gateway throttles this route at 200 requests per second (bursts of 400). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "download-certificate": {
        parameters: {
            query: {
                /** @description The token from the participant’s mail; a wrong or missing one is answered 404, like an unknown registration. */
                token: string;
            };
            header?: never;
            path: {
                /** @description The registration's id. */
                registrationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The certificate of attendance: a one-page A4 PDF. */
            200: {
                headers: {
                    /** @description attachment; filename="certificate-<number>.pdf" */
                    "Content-Disposition": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                    "text/html": string;
                };
            };
            /** @description API Gateway throttles this route at 200 requests per second (bursts of 400). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "list-failed-mail": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event's id. */
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Mail that could not be delivered after every retry. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParkedMailList"];
                };
            };
            /** @description No valid ID token: API Gateway's JWT authorizer answers `{"message":"Unauthorized"}`; a token without an organisation is an `unauthorized` problem. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unauthorized";
                        /** @constant */
                        status: 401;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The account's role may not use this route (organiser accounts only; door accounts get 403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:forbidden";
                        /** @constant */
                        status: 403;
                    };
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                    "text/html": string;
                };
            };
            /** @description API Gateway throttles this route at the stage's default rate. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "registration-status": {
        parameters: {
            query: {
                /** @description The token from the participant’s mail; a wrong or missing one is answered 404, like an unknown registration. */
                token: string;
                /** @description The page language; else the registration’s language. */
                lang?: "nl" | "en";
                /** @description Show the confirmation step of the reminder's “I can't come — give my seat to the next person”. */
                release?: "1";
                /** @description Show the confirmation step of “delete my data”. */
                erase?: "1";
            };
            header?: never;
            path: {
                /** @description The registration's id. */
                registrationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The personal page (HTML, with one button to cancel or leave the waitlist), or with `Accept: application/json` the registration’s status. Reading never changes anything. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                    "application/json": components["schemas"]["ParticipantRegistration"];
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                    "text/html": string;
                };
            };
            /** @description API Gateway throttles this route at 200 requests per second (bursts of 400). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "cancel-registration": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The registration's id. */
                registrationId: string;
            };
            cookie?: never;
        };
        /** @description At most 4 KB. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelRegistration"];
                "application/x-www-form-urlencoded": components["schemas"]["CancelRegistration"];
            };
        };
        responses: {
            /** @description Cancelled (or already cancelled); a freed seat goes to the first person on the waitlist. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cancellation"];
                };
            };
            /** @description The personal page's form was posted: on to the personal page, which now shows the cancellation. */
            303: {
                headers: {
                    /** @description The personal page: `/registrations/{registrationId}?token=…`. */
                    Location: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not valid: per-field `errors` for invalid or unknown fields (`validation-failed`), or unreadable (`malformed-body`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:validation-failed" | "urn:event-registration:problem:malformed-body";
                        /** @constant */
                        status: 400;
                    };
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                };
            };
            /** @description The body is larger than 4 KB (or than API Gateway's 10 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:payload-too-large";
                        /** @constant */
                        status: 413;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The body is not `application/json` or `application/x-www-form-urlencoded`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unsupported-media-type";
                        /** @constant */
                        status: 415;
                    };
                };
            };
            /** @description API Gateway throttles this route at 50 requests per second (bursts of 100). Each client address may also make at most 300 public writes per 5 minutes; over that it gets the `too-many-requests` problem with `Retry-After` (deployed: as `application/json`, which is all AWS WAF can send). */
            429: {
                headers: {
                    /** @description With the per-client limit: seconds until this address may write again (API Gateway's own throttling sends none). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:too-many-requests";
                        /** @constant */
                        status: 429;
                    };
                    "application/json": components["schemas"]["GatewayMessage"] | components["schemas"]["Problem"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "network-consent": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The registration's id. */
                registrationId: string;
            };
            cookie?: never;
        };
        /** @description At most 4 KB. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["NetworkConsentChange"];
                "application/x-www-form-urlencoded": components["schemas"]["NetworkConsentChange"];
            };
        };
        responses: {
            /** @description On the participant list, or off it, from now on (twice is once). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NetworkConsent"];
                };
            };
            /** @description The personal page's form was posted: on to the personal page, which now shows the choice. */
            303: {
                headers: {
                    /** @description The personal page: `/registrations/{registrationId}?token=…`. */
                    Location: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not valid: per-field `errors` for invalid or unknown fields (`validation-failed`), or unreadable (`malformed-body`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:validation-failed" | "urn:event-registration:problem:malformed-body";
                        /** @constant */
                        status: 400;
                    };
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                };
            };
            /** @description The body is larger than 4 KB (or than API Gateway's 10 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:payload-too-large";
                        /** @constant */
                        status: 413;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The body is not `application/json` or `application/x-www-form-urlencoded`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unsupported-media-type";
                        /** @constant */
                        status: 415;
                    };
                };
            };
            /** @description API Gateway throttles this route at 50 requests per second (bursts of 100). Each client address may also make at most 300 public writes per 5 minutes; over that it gets the `too-many-requests` problem with `Retry-After` (deployed: as `application/json`, which is all AWS WAF can send). */
            429: {
                headers: {
                    /** @description With the per-client limit: seconds until this address may write again (API Gateway's own throttling sends none). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:too-many-requests";
                        /** @constant */
                        status: 429;
                    };
                    "application/json": components["schemas"]["GatewayMessage"] | components["schemas"]["Problem"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "confirm-registration": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The registration's id. */
                registrationId: string;
            };
            cookie?: never;
        };
        /** @description At most 4 KB. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfirmRegistration"];
                "application/x-www-form-urlencoded": components["schemas"]["ConfirmRegistration"];
            };
        };
        responses: {
            /** @description The address is confirmed (or was already): the confirmation or waitlist mail follows. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddressConfirmation"];
                };
            };
            /** @description The personal page's form was posted: on to the personal page, which now shows the registration's status. */
            303: {
                headers: {
                    /** @description The personal page: `/registrations/{registrationId}?token=…`. */
                    Location: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not valid: per-field `errors` for invalid or unknown fields (`validation-failed`), or unreadable (`malformed-body`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:validation-failed" | "urn:event-registration:problem:malformed-body";
                        /** @constant */
                        status: 400;
                    };
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                };
            };
            /** @description A conflict with the current state: `event-cancelled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:event-cancelled";
                        /** @constant */
                        status: 409;
                    };
                };
            };
            /** @description The body is larger than 4 KB (or than API Gateway's 10 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:payload-too-large";
                        /** @constant */
                        status: 413;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The body is not `application/json` or `application/x-www-form-urlencoded`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unsupported-media-type";
                        /** @constant */
                        status: 415;
                    };
                };
            };
            /** @description API Gateway throttles this route at 50 requests per second (bursts of 100). Each client address may also make at most 300 public writes per 5 minutes; over that it gets the `too-many-requests` problem with `Retry-After` (deployed: as `application/json`, which is all AWS WAF can send). */
            429: {
                headers: {
                    /** @description With the per-client limit: seconds until this address may write again (API Gateway's own throttling sends none). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:too-many-requests";
                        /** @constant */
                        status: 429;
                    };
                    "application/json": components["schemas"]["GatewayMessage"] | components["schemas"]["Problem"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "admin-confirm-registration": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event's id. */
                eventId: string;
                /** @description The registration's id. */
                registrationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Confirmed on the person's behalf (or already confirmed): their hold no longer lapses, and the confirmation or waitlist mail goes out. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddressConfirmation"];
                };
            };
            /** @description No valid ID token: API Gateway's JWT authorizer answers `{"message":"Unauthorized"}`; a token without an organisation is an `unauthorized` problem. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unauthorized";
                        /** @constant */
                        status: 401;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The account's role may not use this route (organiser accounts only; door accounts get 403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:forbidden";
                        /** @constant */
                        status: 403;
                    };
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                };
            };
            /** @description A conflict with the current state: `event-cancelled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:event-cancelled";
                        /** @constant */
                        status: 409;
                    };
                };
            };
            /** @description API Gateway throttles this route at the stage's default rate. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "correct-address": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event's id. */
                eventId: string;
                /** @description The registration's id. */
                registrationId: string;
            };
            cookie?: never;
        };
        /** @description At most 4 KB. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CorrectAddress"];
            };
        };
        responses: {
            /** @description The registration with its corrected address: any undeliverable mark is cleared, and the mail the person should have had (the confirmation request while pending, else their confirmation or waitlist mail) goes to the new address. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationListItem"];
                };
            };
            /** @description The body is not valid: per-field `errors` for invalid or unknown fields (`validation-failed`), or unreadable (`malformed-body`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:validation-failed" | "urn:event-registration:problem:malformed-body";
                        /** @constant */
                        status: 400;
                    };
                };
            };
            /** @description No valid ID token: API Gateway's JWT authorizer answers `{"message":"Unauthorized"}`; a token without an organisation is an `unauthorized` problem. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unauthorized";
                        /** @constant */
                        status: 401;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The account's role may not use this route (organiser accounts only; door accounts get 403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:forbidden";
                        /** @constant */
                        status: 403;
                    };
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                };
            };
            /** @description A conflict with the current state: `already-registered`, `registration-cancelled`, `registration-changed`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:already-registered" | "urn:event-registration:problem:registration-cancelled" | "urn:event-registration:problem:registration-changed";
                        /** @constant */
                        status: 409;
                    };
                };
            };
            /** @description The body is larger than 4 KB (or than API Gateway's 10 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:payload-too-large";
                        /** @constant */
                        status: 413;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unsupported-media-type";
                        /** @constant */
                        status: 415;
                    };
                };
            };
            /** @description API Gateway throttles this route at the stage's default rate. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "download-my-data": {
        parameters: {
            query: {
                /** @description The token from the participant’s mail; a wrong or missing one is answered 404, like an unknown registration. */
                token: string;
            };
            header?: never;
            path: {
                /** @description The registration's id. */
                registrationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Everything stored about the participant for this event, as a JSON file to keep. */
            200: {
                headers: {
                    /** @description attachment; filename="my-data-<registrationId>.json" */
                    "Content-Disposition": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonalData"];
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                    "text/html": string;
                };
            };
            /** @description API Gateway throttles this route at 200 requests per second (bursts of 400). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "erase-registration": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The registration's id. */
                registrationId: string;
            };
            cookie?: never;
        };
        /** @description At most 4 KB. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["EraseRegistration"];
                "application/x-www-form-urlencoded": components["schemas"]["EraseRegistration"];
            };
        };
        responses: {
            /** @description Erased (or already erased); a held place went to the next person as with a cancellation. The personal page's form gets a page that says so; the link no longer opens anything. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erasure"];
                    "text/html": string;
                };
            };
            /** @description The body is not valid: per-field `errors` for invalid or unknown fields (`validation-failed`), or unreadable (`malformed-body`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:validation-failed" | "urn:event-registration:problem:malformed-body";
                        /** @constant */
                        status: 400;
                    };
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                };
            };
            /** @description The body is larger than 4 KB (or than API Gateway's 10 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:payload-too-large";
                        /** @constant */
                        status: 413;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The body is not `application/json` or `application/x-www-form-urlencoded`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unsupported-media-type";
                        /** @constant */
                        status: 415;
                    };
                };
            };
            /** @description API Gateway throttles this route at 50 requests per second (bursts of 100). Each client address may also make at most 300 public writes per 5 minutes; over that it gets the `too-many-requests` problem with `Retry-After` (deployed: as `application/json`, which is all AWS WAF can send). */
            429: {
                headers: {
                    /** @description With the per-client limit: seconds until this address may write again (API Gateway's own throttling sends none). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:too-many-requests";
                        /** @constant */
                        status: 429;
                    };
                    "application/json": components["schemas"]["GatewayMessage"] | components["schemas"]["Problem"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
    "admin-erase-registration": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event's id. */
                eventId: string;
                /** @description The registration's id. */
                registrationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The person's data is erased (or was already): a held place went to the next person, as with a cancellation, without a mail; an anonymous record keeps the counts right. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erasure"];
                };
            };
            /** @description No valid ID token: API Gateway's JWT authorizer answers `{"message":"Unauthorized"}`; a token without an organisation is an `unauthorized` problem. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:unauthorized";
                        /** @constant */
                        status: 401;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The account's role may not use this route (organiser accounts only; door accounts get 403). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:forbidden";
                        /** @constant */
                        status: 403;
                    };
                };
            };
            /** @description It does not exist; an event of another organisation, or a wrong or missing token, is answered the same. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:not-found";
                        /** @constant */
                        status: 404;
                    };
                };
            };
            /** @description API Gateway throttles this route at the stage's default rate. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Our fault; the answer reveals nothing internal. API Gateway answers `{"message":"Internal Server Error"}` when a function fails outright. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:internal";
                        /** @constant */
                        status: 500;
                    };
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description DynamoDB throttled or timed out; try again after `Retry-After` seconds (a retry of a write that did go through changes nothing). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (2). */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        type: "urn:event-registration:problem:temporarily-unavailable";
                        /** @constant */
                        status: 503;
                    };
                };
            };
        };
    };
}
